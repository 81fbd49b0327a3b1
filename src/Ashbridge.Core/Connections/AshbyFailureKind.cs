namespace Ashbridge.Core.Connections;

/// <summary>What went wrong with an Ashby call, as the hub acts on it.</summary>
public enum AshbyFailureKind
{
    /// <summary>No answer: the connection was refused, the name did not resolve, or the connection dropped.</summary>
    Unreachable,

    /// <summary>Ashby did not answer in time.</summary>
    TimedOut,

    /// <summary>Ashby kept throttling the key, past the client's retries.</summary>
    RateLimited,

    /// <summary>Ashby refused the API key itself (missing, wrong or deactivated).</summary>
    KeyRefused,

    /// <summary>The key lacks the permission one endpoint needs.</summary>
    PermissionMissing,

    /// <summary>The object asked for does not exist (any more).</summary>
    NotFound,

    /// <summary>The sync token or cursor can no longer be used; a full pass is needed.</summary>
    SyncRestartRequired,

    /// <summary>Ashby rejected the request's input.</summary>
    InvalidInput,

    /// <summary>Any other failure: a server error, or an answer that could not be read.</summary>
    Failed,
}
