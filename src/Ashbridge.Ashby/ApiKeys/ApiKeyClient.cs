using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>The API key itself: <c>apiKey.info</c>. Methods are virtual so test doubles can override them.</summary>
public class ApiKeyClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected ApiKeyClient()
    {
    }

    internal ApiKeyClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>Describes the key (title, creation time, scopes such as <c>candidates:read</c>). Needs apiKeysRead. Calls <c>apiKey.info</c>.</summary>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.ApiKeyInfo)]
    public virtual Task<ApiKeyInfo> InfoAsync(AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        return SendAsync(AshbyEndpoints.ApiKeyInfo, (EmptyRequest?)null, AshbyJsonContext.Default.EmptyRequest, AshbyJsonContext.Default.ApiKeyInfo, options, cancellationToken);
    }
}
