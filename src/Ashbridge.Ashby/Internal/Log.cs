using Microsoft.Extensions.Logging;

namespace Ashbridge.Ashby;

/// <summary>Source-generated log messages. Never pass the key, a secret or a body.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Ashby {Endpoint} attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string endpoint, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Ashby reports API version {Version} as {Status} (seen on {Endpoint}); move to a supported version")]
    public static partial void VersionWarning(ILogger logger, string? version, string? status, string endpoint);
}
