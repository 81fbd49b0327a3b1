using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Ashbridge.Core.Storage;
using Ashbridge.Server.Access;
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

/// <summary>Readiness: the database answers and, on SQLite, a write could start (<see cref="DatabaseHealth"/>).</summary>
public sealed class DatabaseHealthCheck(DatabaseHealth database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (healthy, description) = await database.CheckAsync(cancellationToken);
        return healthy ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description);
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
