using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// Behind a reverse proxy (<c>Ashbridge:ForwardedHeaders:KnownProxies</c> and <c>KnownNetworks</c>), the client's
/// address and scheme come from the proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, so sign-in cookies are
/// <c>Secure</c> behind TLS termination and the audit log names the real client. Only the listed proxies are believed:
/// with none configured the headers are ignored, since anyone could send them.
/// </summary>
public static class ForwardedHeadersHosting
{
    public const string Section = "Ashbridge:ForwardedHeaders";

    /// <summary>Reads the trusted proxies and networks; a value that is not an address or a CIDR range stops the start with a message saying which.</summary>
    /// <exception cref="InvalidOperationException">A setting holds something that is not an IP address or a CIDR network.</exception>
    public static IHostApplicationBuilder AddAshbridgeForwardedHeaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var proxies = Values(builder.Configuration, "KnownProxies")
            .Select(v => IPAddress.TryParse(v, out var address) ? address : throw Invalid("KnownProxies", v, "an IP address such as 10.0.0.5"))
            .ToList();
        var networks = Values(builder.Configuration, "KnownNetworks")
            .Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network : throw Invalid("KnownNetworks", v, "a CIDR range such as 10.0.0.0/8"))
            .ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    /// <summary>Applies the forwarded headers when proxies are configured; call it first, so every later middleware sees the client's address and scheme.</summary>
    public static WebApplication UseAshbridgeForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (Values(app.Configuration, "KnownProxies").Count > 0 || Values(app.Configuration, "KnownNetworks").Count > 0) app.UseForwardedHeaders();
        return app;
    }

    /// <summary>A list setting, as array entries (<c>KnownProxies:0</c>) or one comma-separated value (handy in an environment variable).</summary>
    private static List<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return [.. values.OfType<string>().SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    private static InvalidOperationException Invalid(string key, string value, string expected) =>
        new($"{Section}:{key} holds '{value}', which is not {expected}. List the addresses of the reverse proxies in front of the hub, or remove the setting.");
}
