namespace Ashbridge.Core.Sync;

/// <summary>Asks for a run of one connection.</summary>
/// <param name="Mode">Incremental (the schedule) or full (the daily repair, or <c>--full</c>).</param>
/// <param name="Trigger">Who asked: <c>schedule</c>, <c>repair</c>, <c>manual</c>, <c>cli</c>.</param>
/// <param name="Streams">A subset of streams by name; null for all.</param>
/// <param name="ChangedBefore">
/// Streams the caller changed just before the pass (the webhook processor's deletions and merges, which no list
/// reports), so the mirror's observers hear of them even when the pass itself changes nothing.
/// </param>
public sealed record SyncRequest(
    SyncMode Mode = SyncMode.Incremental, string Trigger = "manual", IReadOnlyList<string>? Streams = null, IReadOnlyList<string>? ChangedBefore = null);
