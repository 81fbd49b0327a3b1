using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>One webhook type's payload for one organisation change (the <c>data</c> object of Ashby's envelope).</summary>
/// <param name="Action">The webhook type, e.g. <c>candidateHire</c>.</param>
/// <param name="Data">The <c>data</c> object exactly as Ashby sends it for that type.</param>
internal sealed record WebhookEvent(string Action, JsonObject Data);

/// <summary>What the organisation store calls when something changes.</summary>
/// <remarks>
/// Related types Ashby fans out together (a hire sends <c>candidateHire</c>, <c>applicationUpdate</c> and
/// <c>candidateStageChange</c>) are published in one call and share one <c>webhookActionId</c>.
/// </remarks>
internal interface IWebhookPublisher
{
    /// <summary>Queues delivery of related events to every enabled webhook of a matching type; never blocks on delivery.</summary>
    void Publish(IReadOnlyList<WebhookEvent> related);
}

/// <summary>A webhook setting as <c>webhook.create</c> / <c>webhook.update</c> return it.</summary>
internal sealed record WebhookSetting(string Id, string WebhookType, string RequestUrl, string? SecretToken, bool Enabled);

/// <summary>The webhook settings of the organisation, behind <c>webhook.create/update/info/delete</c>.</summary>
internal interface IWebhookRegistry
{
    /// <summary>Creates a setting and sends it a <c>ping</c>; a failed ping leaves it saved but disabled, as Ashby does.</summary>
    Task<WebhookSetting> CreateAsync(string webhookType, string requestUrl, string? secretToken, CancellationToken cancellationToken);

    /// <summary>Updates a setting (a new ping is sent, as on any edit); null when the id is unknown.</summary>
    Task<WebhookSetting?> UpdateAsync(string webhookId, bool? enabled, string? requestUrl, string? secretToken, CancellationToken cancellationToken);

    /// <summary>The setting with that id, or null.</summary>
    WebhookSetting? Find(string webhookId);

    /// <summary>Removes a setting; false when the id is unknown.</summary>
    bool Delete(string webhookId);
}
