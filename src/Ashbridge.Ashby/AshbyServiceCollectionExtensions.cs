using Ashbridge.Ashby;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="AshbyClient"/> as a typed <see cref="HttpClient"/> client.</summary>
public static class AshbyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AshbyClient"/> on the named HTTP client <see cref="AshbyClientDefaults.HttpClientName"/>
    /// with options configured by <paramref name="configure"/>. The client retries by itself (see
    /// <see cref="AshbyClientOptions.MaxRetries"/>); set it to 0 if you add your own resilience handler.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options (at least <see cref="AshbyClientOptions.ApiKey"/>).</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddAshbyClient(this IServiceCollection services, Action<AshbyClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AshbyClientOptions>().Configure(configure);
        var builder = services.AddHttpClient(AshbyClientDefaults.HttpClientName, static http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient(static sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(AshbyClientDefaults.HttpClientName);
            return new AshbyClient(http, sp.GetRequiredService<IOptions<AshbyClientOptions>>().Value);
        });
        return builder;
    }

    /// <summary>Registers <see cref="AshbyClient"/> with an API key and default options.</summary>
    /// <param name="services">The services.</param>
    /// <param name="apiKey">The Ashby API key.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddAshbyClient(this IServiceCollection services, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        return services.AddAshbyClient(o => o.ApiKey = apiKey);
    }
}
