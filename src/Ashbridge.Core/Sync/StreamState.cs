namespace Ashbridge.Core.Sync;

/// <summary>A stream's stored state: what the next pass will do.</summary>
/// <param name="HasSyncToken">A token is stored, so the next pass can be incremental.</param>
/// <param name="PassInProgress">A pass stopped midway (full or incremental) and will resume from its cursor.</param>
public sealed record StreamState(
    string Stream,
    bool HasSyncToken,
    StreamPassMode? PassInProgress,
    long FullPassesCompleted,
    DateTimeOffset? LastFullPassAt,
    DateTimeOffset? LastIncrementalPassAt,
    string? SkippedReason,
    long Rows,
    long DeletedRows);
