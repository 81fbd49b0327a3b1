using Ashbridge.Core.Storage;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// Brings the hub's database up to date before anything else starts. It is the first hosted service and migrates in
/// <see cref="StartingAsync"/>, which the host awaits before any service's <c>StartAsync</c>; the web server is the
/// last hosted service (the builder adds it at <c>Build</c>), so no request is served before the schema is current.
/// A database that cannot be opened stops the start with <see cref="DatabaseUnavailableException"/>, whose message
/// says which and why.
/// </summary>
/// <param name="database">The hub's database, registered unopened.</param>
/// <param name="logger">Where the applied migrations are logged.</param>
public sealed partial class DatabaseMigrator(AshbridgeDatabase database, ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    /// <summary>The migrations this start applied (none when the database was up to date).</summary>
    public IReadOnlyList<AppliedMigration> Applied { get; private set; } = [];

    /// <inheritdoc />
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        Applied = await database.MigrateAsync(cancellationToken);
        foreach (var migration in Applied) LogApplied(logger, migration.Version, migration.Description, database.Location.ToString());
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "Applied migration {Version} ({Description}) to {Database}")]
    private static partial void LogApplied(ILogger logger, long version, string description, string database);
}
