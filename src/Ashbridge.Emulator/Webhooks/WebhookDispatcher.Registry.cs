namespace Ashbridge.Emulator.Webhooks;

/// <summary>The settings behind <c>webhook.create/update/info/delete</c>, and the ping that decides whether one is enabled.</summary>
internal sealed partial class WebhookDispatcher
{
    private readonly List<WebhookSetting> _settings = [];

    /// <summary>Every setting in creation order, secrets included (the control plane shows them).</summary>
    public IReadOnlyList<WebhookSetting> Settings()
    {
        lock (_gate) return [.. _settings];
    }

    /// <inheritdoc />
    public async Task<WebhookSetting> CreateAsync(string webhookType, string requestUrl, string? secretToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookType);
        RequireHttpUrl(requestUrl);
        var setting = new WebhookSetting(NewId(), webhookType, requestUrl, NullIfEmpty(secretToken), Enabled: false);
        var ping = await PingAsync(setting, cancellationToken);
        setting = setting with { Enabled = ping.IsSuccess };
        lock (_gate) _settings.Add(setting);
        return setting;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Any edit pings the (new) URL. A successful ping enables the setting unless the edit itself says
    /// <c>enabled: false</c>; a failed one leaves it saved but disabled, as on create.
    /// </remarks>
    public async Task<WebhookSetting?> UpdateAsync(string webhookId, bool? enabled, string? requestUrl, string? secretToken, CancellationToken cancellationToken)
    {
        if (Find(webhookId) is not { } current) return null;
        if (requestUrl is not null) RequireHttpUrl(requestUrl);
        var edited = current with
        {
            RequestUrl = requestUrl ?? current.RequestUrl,
            SecretToken = secretToken is null ? current.SecretToken : NullIfEmpty(secretToken),
        };
        var ping = await PingAsync(edited, cancellationToken);
        edited = edited with { Enabled = enabled != false && ping.IsSuccess };
        lock (_gate)
        {
            var index = _settings.FindIndex(s => s.Id == webhookId);
            if (index < 0) return null; // deleted while the ping was out
            _settings[index] = edited;
        }

        return edited;
    }

    /// <inheritdoc />
    public WebhookSetting? Find(string webhookId)
    {
        lock (_gate) return _settings.Find(s => s.Id == webhookId);
    }

    /// <inheritdoc />
    /// <remarks>Scheduled retries for the setting are dropped now; an attempt already in flight finishes, nothing follows it.</remarks>
    public bool Delete(string webhookId)
    {
        lock (_gate)
        {
            if (_settings.RemoveAll(s => s.Id == webhookId) == 0) return false;
            DropParkedFor(webhookId);
            return true;
        }
    }

    private bool IsDeliverable(string webhookId) => Find(webhookId) is { Enabled: true };

    /// <summary>Sends the ping once (pings are never retried) and logs it like any attempt.</summary>
    private async Task<AttemptResult> PingAsync(WebhookSetting setting, CancellationToken cancellationToken)
    {
        var webhookActionId = NewId();
        var body = WebhookEnvelope.Ping(webhookActionId);
        var delivery = new PendingDelivery
        {
            Id = NewId(),
            Target = setting,
            WebhookActionId = webhookActionId,
            Action = WebhookEnvelope.PingAction,
            Body = body,
            Signature = SignatureFor(body, setting),
        };
        var startedAt = _time.GetUtcNow();
        var result = await _sender.SendAsync(setting.RequestUrl, body, delivery.Signature, cancellationToken);
        Record(delivery, 1, result, startedAt, _time.GetUtcNow(), null, result.IsSuccess ? DeliveryState.Delivered : DeliveryState.Failed);
        if (!result.IsSuccess) WebhookLog.PingFailed(_logger, setting.Id, result);
        return result;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static void RequireHttpUrl(string requestUrl)
    {
        if (!Uri.TryCreate(requestUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException("A webhook's requestUrl must be an absolute http(s) URL.", nameof(requestUrl));
    }
}
