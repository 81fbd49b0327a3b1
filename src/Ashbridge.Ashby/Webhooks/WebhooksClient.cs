using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Webhook settings: <c>webhook.*</c>. Methods are virtual so test doubles can override them.</summary>
public class WebhooksClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected WebhooksClient()
    {
    }

    internal WebhooksClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>Creates a webhook setting (Ashby sends a ping). A write: retried only on HTTP 429. Calls <c>webhook.create</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.WebhookCreate)]
    public virtual Task<WebhookSetting> CreateAsync(WebhookCreateRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.WebhookCreate, request, AshbyJsonContext.Default.WebhookCreateRequest, AshbyJsonContext.Default.WebhookSetting, options, cancellationToken);
    }

    /// <summary>Fetches a webhook setting (without its secret). Calls <c>webhook.info</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.WebhookInfo)]
    public virtual Task<WebhookSetting> InfoAsync(WebhookInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.WebhookInfo, request, AshbyJsonContext.Default.WebhookInfoRequest, AshbyJsonContext.Default.WebhookSetting, options, cancellationToken);
    }

    /// <summary>Updates a webhook setting (Ashby sends a ping). A write: retried only on HTTP 429. Calls <c>webhook.update</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.WebhookUpdate)]
    public virtual Task<WebhookSetting> UpdateAsync(WebhookUpdateRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.WebhookUpdate, request, AshbyJsonContext.Default.WebhookUpdateRequest, AshbyJsonContext.Default.WebhookSetting, options, cancellationToken);
    }

    /// <summary>Deletes a webhook setting. A write: retried only on HTTP 429. Calls <c>webhook.delete</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.WebhookDelete)]
    public virtual Task<WebhookDeleteResult> DeleteAsync(WebhookDeleteRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.WebhookDelete, request, AshbyJsonContext.Default.WebhookDeleteRequest, AshbyJsonContext.Default.WebhookDeleteResult, options, cancellationToken);
    }
}
