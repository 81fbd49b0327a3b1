using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Sync;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Api;

/// <summary>Everything an Ashby endpoint or a control route needs, registered as one singleton.</summary>
internal sealed class EmulatorServices(EmulatorOptions options, Organization org, ApiKeyStore keys, TokenCodec tokens, IWebhookPublisher? publisher, IWebhookRegistry? registry)
{
    public EmulatorOptions Options { get; } = options;
    public Organization Org { get; } = org;
    public ApiKeyStore Keys { get; } = keys;
    public TokenCodec Tokens { get; } = tokens;
    public IWebhookPublisher? Publisher { get; } = publisher;
    public IWebhookRegistry? Registry { get; } = registry;

    /// <summary>Where rows changed since a sync token sit, kept for the pages of an incremental pass.</summary>
    public ChangedRows ChangedRows { get; } = new();

    public long NowMs => Options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    public void Publish(IEnumerable<IReadOnlyList<WebhookEvent>> events)
    {
        if (Publisher is null) return;
        foreach (var related in events) Publisher.Publish(related);
    }
}
