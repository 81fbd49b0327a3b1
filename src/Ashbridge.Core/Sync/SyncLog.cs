using Microsoft.Extensions.Logging;

namespace Ashbridge.Core.Sync;

/// <summary>The sync engine's log lines. None carries a key, a token or a cursor.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(1, LogLevel.Information, "Sync of connection {Connection} started (run {RunId}, {Mode}, by {Trigger})")]
    public static partial void RunStarted(ILogger logger, string connection, long runId, string mode, string trigger);

    [LoggerMessage(2, LogLevel.Information, "Sync of connection {Connection} ended {Outcome} (run {RunId})")]
    public static partial void RunFinished(ILogger logger, string connection, long runId, string outcome);

    [LoggerMessage(3, LogLevel.Information, "Stream {Stream}: resuming the interrupted {Mode} pass (from a stored cursor: {HasCursor})")]
    public static partial void Resuming(ILogger logger, string stream, string mode, bool hasCursor);

    [LoggerMessage(4, LogLevel.Warning, "Stream {Stream}: Ashby answered {ErrorCode}; restarting it as a full pass")]
    public static partial void Restarting(ILogger logger, string stream, string errorCode);

    [LoggerMessage(5, LogLevel.Warning, "Stream {Stream} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string stream, string reason);

    [LoggerMessage(6, LogLevel.Error, "Stream {Stream} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string stream, string reason);

    [LoggerMessage(7, LogLevel.Information, "Candidate {From} was merged into {Into}")]
    public static partial void Merged(ILogger logger, string from, string into);

    [LoggerMessage(8, LogLevel.Warning, "WAL checkpoint beside the sync failed; the next commit tries again")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);
}
