using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Overview;

/// <summary>A connection's latest pass, without its streams: how it ended and when.</summary>
public sealed record PassSummary(long RunId, string Trigger, SyncMode Mode, SyncOutcome Outcome, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error);
