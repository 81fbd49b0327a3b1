using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync.Scheduling;
using Microsoft.Extensions.Options;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// At start-up: stores the hub's active Ashby (the demo emulator, or the configured key) as a connection, runs its
/// pre-flight, and puts every connection on the sync schedule, whose first incremental pass starts at once.
/// </summary>
public sealed partial class ConnectionScheduling(
    ActiveConnection active,
    IOptions<AshbyConnectionOptions> options,
    ConnectionStore connections,
    ConnectionAdministration admin,
    SyncSchedule schedule,
    Core.NewHires.NewHireImporter newHires,
    ILogger<ConnectionScheduling> logger) : IHostedService
{
    /// <summary>The name of the demo emulator's connection.</summary>
    public const string DemoName = "demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (active.BaseUrl is { } url && active.ApiKey is { } key)
        {
            var name = active.IsDemo ? DemoName : options.Value.ConnectionName;
            var configured = await admin.EnsureConfiguredAsync(name, url, key, cancellationToken);

            // The demo's hires are all "new": queue every one, so a newcomer sees the review queue working.
            if (active.IsDemo) await newHires.InitializeAsync(configured.Connection!.Id, DateTimeOffset.UnixEpoch, cancellationToken);

            // The status page shows the key check's failure; the schedule retries on its own.
            if (configured.Refusal is { } refusal) PreflightFailed(logger, name, refusal.Detail);
        }

        foreach (var connection in await connections.ListAsync(cancellationToken))
        {
            await schedule.ScheduleAsync(connection, cancellationToken);
            Scheduled(logger, connection.Name, connection.SyncCron ?? $"every {connection.SyncIntervalMinutes ?? (int)SyncSchedule.DefaultInterval.TotalMinutes} min");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Warning, "Pre-flight of connection {Connection} failed: {Problem}")]
    private static partial void PreflightFailed(ILogger logger, string connection, string problem);

    [LoggerMessage(2, LogLevel.Information, "Connection {Connection} scheduled: incremental passes {Schedule}, full repair daily")]
    private static partial void Scheduled(ILogger logger, string connection, string schedule);
}
