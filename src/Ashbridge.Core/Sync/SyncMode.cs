namespace Ashbridge.Core.Sync;

/// <summary>What a run asks for: incremental passes where a token allows, or full (repair) passes everywhere.</summary>
public enum SyncMode
{
    /// <summary>Incremental by <c>syncToken</c> where the stream has one (a stream never synced starts with a full pass).</summary>
    Incremental,

    /// <summary>A full pass of every stream, ending with a deletion sweep: the daily repair.</summary>
    Full,
}
