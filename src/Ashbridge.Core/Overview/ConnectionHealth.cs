using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Overview;

/// <summary>One connection's health at a glance, and what in it waits for a person.</summary>
/// <param name="Name">The connection's name (its pages are <c>/connections/{name}</c> and <c>/new-hires/{name}</c>).</param>
/// <param name="IsDemo">It is the built-in demo emulator, not a real Ashby.</param>
/// <param name="LastPass">The latest pass, or null before the first.</param>
/// <param name="DataAsOf">When the last successful pass finished: the mirror's data is this fresh. Null before one succeeded.</param>
/// <param name="DataAgeSeconds">Seconds since <paramref name="DataAsOf"/>, when there is one.</param>
/// <param name="Streams">The mirror's streams (rows, deleted, sync token), for the curious: secondary on the home page.</param>
public sealed record ConnectionHealth(
    string Name,
    Uri BaseUrl,
    bool IsDemo,
    PassSummary? LastPass,
    DateTimeOffset? DataAsOf,
    long? DataAgeSeconds,
    WebhookHealth Webhooks,
    NewHireCounts NewHires,
    IReadOnlyList<StreamState> Streams);
