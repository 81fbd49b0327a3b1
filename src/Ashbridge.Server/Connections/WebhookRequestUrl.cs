using Ashbridge.Server.Webhooks;

namespace Ashbridge.Server.Connections;

/// <summary>The Request URL admins paste into Ashby: the hub's own address, which only the host knows.</summary>
public static class WebhookRequestUrl
{
    /// <summary>The hub's public base URL, when it sits behind a proxy (the Request URL shown to admins is built on it).</summary>
    public const string PublicUrlKey = "Ashbridge:PublicUrl";

    /// <summary>The Request URL for a connection, on the configured public URL or the address the request came to.</summary>
    public static string For(HttpRequest request, IConfiguration configuration, string connection)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration[PublicUrlKey] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + WebhookIntake.PathFor(connection);
    }
}
