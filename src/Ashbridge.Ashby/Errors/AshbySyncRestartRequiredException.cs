namespace Ashbridge.Ashby;

/// <summary>
/// The sync token or cursor can no longer be used (<c>sync_token_expired</c>, <c>sync_token_invalid</c>,
/// <c>incremental_sync_too_large</c>, <c>next_cursor_expired</c>, <c>invalid_next_cursor</c>):
/// drop the stored token and run a full pass.
/// </summary>
public sealed class AshbySyncRestartRequiredException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbySyncRestartRequiredException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbySyncRestartRequiredException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbySyncRestartRequiredException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbySyncRestartRequiredException(string message, AshbyErrorData data) : base(message, data) { }
}
