using Ashbridge.Core.Access;

namespace Ashbridge.Server.Access;

/// <summary>Writes API tokens' last use once a minute (and on shutdown) instead of on every request.</summary>
public sealed partial class TokenUseRecording(TokenStore tokens, TokenUses uses, TimeProvider time, ILogger<TokenUseRecording> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RecordAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await RecordAsync(cancellationToken);
    }

    private async Task RecordAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tokens.RecordUsesAsync(uses, cancellationToken);
        }
        catch (System.Data.Common.DbException ex)
        {
            // Only a "last used" time is lost, and the next minute writes a newer one.
            NotRecorded(logger, ex);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "API tokens' last use could not be written; the next minute tries again")]
    private static partial void NotRecorded(ILogger logger, Exception exception);
}
