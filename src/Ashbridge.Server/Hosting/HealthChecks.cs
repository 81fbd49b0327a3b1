using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Ashbridge.Core.Storage;
using Ashbridge.Server.Access;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace Ashbridge.Server.Hosting;

/// <summary>The health settings (<c>Ashbridge:Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Ashbridge:Health";

    /// <summary>Below this much free space on the data folder's volume the hub reports itself unhealthy.</summary>
    [Range(0, int.MaxValue)]
    public int MinFreeMegabytes { get; set; } = 100;
}

/// <summary>
/// Readiness: the database answers a query and, on SQLite, a write could start. A reader in WAL mode is never blocked,
/// so only trying the write lock shows a database that another connection keeps locked.
/// </summary>
public sealed class DatabaseHealthCheck(AshbridgeDatabase database, TimeProvider time) : IHealthCheck
{
    /// <summary>How long the check waits for SQLite's write lock: long enough to pass between a sync's page commits, far short of the 30 s writers wait.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    /// <summary>How long the database has to answer at all.</summary>
    public static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(5);

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = new CancellationTokenSource(AnswerWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var connection = await database.ConnectAsync(linked.Token);
            long count;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT COUNT(*) FROM connections";
                command.CommandTimeout = (int)AnswerWait.TotalSeconds;
                count = Convert.ToInt64(await command.ExecuteScalarAsync(linked.Token), CultureInfo.InvariantCulture);
            }

            if (database.Provider == DatabaseProvider.Sqlite) await TryWriteLockAsync(connection, linked.Token);
            return HealthCheckResult.Healthy($"{database.Location}: {count} connection(s)");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            return HealthCheckResult.Unhealthy(
                $"{database.Location} is locked: another connection has held its write lock for more than {LockWait.TotalSeconds:0} s, so nothing can be written. " +
                "Look for a stuck process or a tool with an open write transaction on the file, and end it.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{database.Location} does not answer: no reply within {AnswerWait.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{database.Location} does not answer: {ex.Message}");
        }
    }

    /// <summary>Takes and releases SQLite's write lock, waiting at most <see cref="LockWait"/> (the hub's connections wait 30 s).</summary>
    private static async Task TryWriteLockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // One statement per command: the driver stops a batch at the first statement that returns a row, as a pragma does.
        // It also retries a busy statement until its command timeout, so both limits are the short one.
        foreach (var statement in (string[])[$"PRAGMA busy_timeout = {(int)LockWait.TotalMilliseconds};", "BEGIN IMMEDIATE;", "ROLLBACK;"])
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = (int)LockWait.TotalSeconds;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>Readiness: the data folder's volume has room; SQLite (and the key ring) fail their writes on a full disk.</summary>
public sealed class DiskSpaceHealthCheck(AshbridgeDatabase database, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Existing(database.Location.SqliteFile is { } file ? Path.GetDirectoryName(file)! : database.Location.DataFolder);
        var minimum = options.Value.MinFreeMegabytes;
        long free;
        try
        {
            free = new DriveInfo(folder).AvailableFreeSpace / (1024 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Cannot read the free space of {folder}: {ex.Message}"));
        }

        return Task.FromResult(free < minimum
            ? HealthCheckResult.Unhealthy(
                $"Only {free} MB free on the volume of {folder}, below the minimum of {minimum} MB ({HealthOptions.Section}:MinFreeMegabytes): " +
                "free some space or move the data folder before writes start to fail.")
            : HealthCheckResult.Healthy($"{free} MB free on the volume of {folder} (minimum {minimum} MB)"));
    }

    /// <summary>The folder, or its nearest existing parent: a PostgreSQL hub's data folder may not exist yet.</summary>
    private static string Existing(string folder)
    {
        var current = new DirectoryInfo(folder);
        while (!current.Exists && current.Parent is { } parent) current = parent;
        return current.FullName;
    }
}

/// <summary>Readiness: the sync scheduler is started and not in standby, so passes will run.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy($"The sync scheduler is {status.ToString().ToLowerInvariant()}: no scheduled pass will start.");
    }
}

/// <summary>
/// <c>/healthz</c>: liveness (it answers) and readiness, as JSON. Anyone gets the overall status, which is all a load
/// balancer needs, and the names of failing checks; each check's detail names the database and the data folder, so only
/// a signed-in admin sees them.
/// </summary>
public static class HealthEndpoint
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var status = report.Status.ToString().ToLowerInvariant();
        return context.Response.WriteAsync(context.User.IsHubAdmin()
            ? JsonSerializer.Serialize(new
            {
                status,
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), detail = e.Value.Description }),
            })
            : report.Status == HealthStatus.Healthy
                ? JsonSerializer.Serialize(new { status })
                // Which checks fail (by name, never their detail), so an operator without a session can still tell where to look.
                : JsonSerializer.Serialize(new { status, failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToList() }));
    }
}
