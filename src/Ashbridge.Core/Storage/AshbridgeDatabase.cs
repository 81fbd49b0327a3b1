using System.Data.Common;
using System.Reflection;
using Ashbridge.Core.Storage.Dialects;
using Ashbridge.Core.Storage.Migrations;
using FluentMigrator;
using FluentMigrator.Runner;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ObjectPool;
using Npgsql;

namespace Ashbridge.Core.Storage;

/// <summary>
/// The hub's database, SQLite or PostgreSQL, through its real ADO.NET driver. <see cref="For"/> makes one without touching
/// it (for the composition root), <see cref="MigrateAsync"/> brings the schema up to date, <see cref="OpenAsync"/> does
/// both; <see cref="ConnectAsync"/> hands out open connections (pooled by the driver on PostgreSQL, new on SQLite) and
/// <see cref="LendAsync"/> lends connections kept open for the reads that run many times a second.
/// </summary>
public sealed class AshbridgeDatabase : IAsyncDisposable
{
    /// <summary>
    /// WAL is a property of the file (set once in MigrateAsync); NORMAL sync is durable in WAL mode across process crashes.
    /// A writer that meets another's lock waits inside SQLite, which retries within milliseconds, rather than returning
    /// SQLITE_BUSY to the driver, whose retry loop sleeps between attempts: the intake's commits waited behind the
    /// processor's that way (docs/benchmarks/webhooks.md).
    /// </summary>
    private const string SqliteSettings = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";

    private readonly NpgsqlDataSource? _postgres;

    // SQLite connections kept open for LendAsync, made on first use. Microsoft.Data.Sqlite's own pool is off
    // (DatabaseLocation.SqliteFileAt says why); this one lends each connection to one borrower at a time.
    private readonly Lazy<ObjectPool<SqliteConnection>>? _lendable;

    /// <summary>This build's migrations, found as FluentMigrator finds them, in the order it applies them.</summary>
    private static readonly Lazy<AppliedMigration[]> Migrations = new(() =>
        [.. typeof(CreateConnections).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<MigrationAttribute>())
            .OfType<MigrationAttribute>()
            .Select(m => new AppliedMigration(m.Version, m.Description ?? ""))
            .OrderBy(m => m.Version)]);

    static AshbridgeDatabase() => StorageTypeHandlers.Register();

    private AshbridgeDatabase(DatabaseLocation location)
    {
        Location = location;
        if (location.Provider == DatabaseProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(location.ConnectionString);
        }
        else
        {
            _lendable = new(() => new DefaultObjectPoolProvider { MaximumRetained = 2 * Environment.ProcessorCount }
                .Create(new OpenSqliteConnectionPolicy(location.ConnectionString, SqliteSettings)));
        }
    }

    /// <summary>Where the data lives.</summary>
    public DatabaseLocation Location { get; }

    /// <summary>SQLite or PostgreSQL.</summary>
    public DatabaseProvider Provider => Location.Provider;

    /// <summary>What differs between the two, one seam per concern.</summary>
    internal StorageDialect Dialect => StorageDialect.For(Provider);

    /// <summary>
    /// The database at <paramref name="location"/>, not yet touched: no file is created and no server is called until
    /// <see cref="MigrateAsync"/> or a connection, so a composition root can register it without I/O.
    /// </summary>
    public static AshbridgeDatabase For(DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new AshbridgeDatabase(location);
    }

    /// <summary>Opens the database, creating the SQLite file (and its folder) if needed, and applies pending migrations.</summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or migrated.</exception>
    public static async Task<AshbridgeDatabase> OpenAsync(DatabaseLocation location, CancellationToken cancellationToken = default)
    {
        var database = For(location);
        try
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Creates the SQLite file (and its folder) if needed and applies pending migrations; returns those it applied, in
    /// order (none when the database was up to date).
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached or migrated.</exception>
    public async Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (Location.SqliteFile is { } file) Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return await MigrateSchemaAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new DatabaseUnavailableException($"Cannot open the database ({Location}): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Opens a connection for a sync run, which writes thousands of rows per transaction. On SQLite its commits never
    /// checkpoint: the run checkpoints beside it (see <c>RunCheckpointer</c>), and its temporary files stay in memory
    /// (<see cref="SqliteBulkLoad.WriterSettings"/>). Nor does closing it checkpoint when it is the database's last
    /// connection: that copied and synced everything the run wrote since the last checkpoint while the run still held
    /// its connection's lock, a large share of a small incremental pass; the WAL keeps it, and the hub's checkpoints or
    /// the next connection to close copy it. A run that wrote more than the WAL keeps undoes this (<see cref="CheckpointWhenClosed"/>).
    /// </summary>
    public async Task<DbConnection> ConnectForBulkWritesAsync(CancellationToken cancellationToken = default)
    {
        var db = await ConnectWithAsync(SqliteSettings + Dialect.Checkpointing.BulkWriterSettings + Dialect.BulkLoad.WriterSettings, cancellationToken).ConfigureAwait(false);
        try
        {
            Dialect.Checkpointing.CheckpointOnClose(db, checkpoint: false);
            return db;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Lets a connection from <see cref="ConnectForBulkWritesAsync"/> checkpoint and remove the WAL when it closes as the
    /// database's last connection, as SQLite's connections do by default. A no-op on PostgreSQL.
    /// </summary>
    internal static void CheckpointWhenClosed(DbConnection db) => StorageDialect.Of(db).Checkpointing.CheckpointOnClose(db, checkpoint: true);

    /// <summary>
    /// Opens a connection whose commits never checkpoint (on SQLite), for the webhook intake: a checkpoint runs inside
    /// the commit that crosses the threshold, copying the WAL into the database and syncing it, and every delivery
    /// waiting on that commit waited for it too. <see cref="CheckpointAsync"/>, called off the request path, does it instead.
    /// </summary>
    public Task<DbConnection> ConnectWithoutCheckpointsAsync(CancellationToken cancellationToken = default) =>
        ConnectWithAsync(SqliteSettings + Dialect.Checkpointing.NoCheckpointsSettings, cancellationToken);

    /// <summary>
    /// Copies what SQLite's WAL holds into the database without waiting for readers or writers (a passive checkpoint);
    /// returns the WAL's frames and how many of them are now in the database. PostgreSQL needs none: (0, 0).
    /// </summary>
    public Task<(long Frames, long Copied)> CheckpointAsync(DbConnection db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Dialect.Checkpointing.CheckpointAsync(db, cancellationToken);
    }

    /// <summary>Opens a connection; SQLite connections get the per-connection settings the hub relies on.</summary>
    public Task<DbConnection> ConnectAsync(CancellationToken cancellationToken = default) => ConnectWithAsync(SqliteSettings, cancellationToken);

    /// <summary>
    /// Lends an open connection for reads outside a transaction, handed back when the loan is disposed. On SQLite it saves
    /// what opening costs, mostly reading the schema on the first statement (0.7 ms a connection, measured with the
    /// duplicate check, docs/benchmarks/dedupe.md); on PostgreSQL it is <see cref="ConnectAsync"/>.
    /// </summary>
    public async Task<LentConnection> LendAsync(CancellationToken cancellationToken = default)
    {
        if (_lendable is null) return new LentConnection(await ConnectAsync(cancellationToken).ConfigureAwait(false), giveBack: null);
        cancellationToken.ThrowIfCancellationRequested();
        var pool = _lendable.Value;
        return new LentConnection(pool.Get(), db => pool.Return((SqliteConnection)db));
    }

    private async Task<DbConnection> ConnectWithAsync(string sqlitePragmas, CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var db = new SqliteConnection(Location.ConnectionString);
        try
        {
            await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = db.CreateCommand();
            pragma.CommandText = sqlitePragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return db;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync().ConfigureAwait(false);
        if (_lendable is { IsValueCreated: true, Value: IDisposable lent }) lent.Dispose(); // closes the connections it keeps
    }

    private async Task<IReadOnlyList<AppliedMigration>> MigrateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var db = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (var setup = db.CreateCommand())
        {
            // Several hub processes may start together on one PostgreSQL: the advisory lock lets one migrate at a time.
            // 8 KB pages (set before the first table, so new files only): a mirror row of Ashby JSON is about 2 KB, and
            // 4 KB pages held one such row each, half empty, so every byte went to disk twice.
            setup.CommandText = Provider == DatabaseProvider.Sqlite ? "PRAGMA page_size = 8192; PRAGMA journal_mode = WAL;" : "SELECT pg_advisory_lock(4242001);";
            await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var pending = await PendingMigrationsAsync(db, cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0) return pending;
            await using var services = new ServiceCollection()
                .AddFluentMigratorCore()
                .ConfigureRunner(runner =>
                {
                    if (Provider == DatabaseProvider.Sqlite) runner.AddSQLite();
                    else runner.AddPostgres();
                    runner.WithGlobalConnectionString(Location.ConnectionString).ScanIn(typeof(CreateConnections).Assembly).For.Migrations();
                })
                .BuildServiceProvider();
            services.GetRequiredService<IMigrationRunner>().MigrateUp();
            return pending;
        }
        finally
        {
            if (Provider == DatabaseProvider.Postgres)
            {
                await using var unlock = db.CreateCommand();
                unlock.CommandText = "SELECT pg_advisory_unlock(4242001);";
                await unlock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// This build's migrations the database has not recorded (FluentMigrator's version table lists those it applied).
    /// When there are none, opening leaves FluentMigrator's runner alone: its set-up (a service provider, a scan of this
    /// assembly, its own reads of the version table) was a large part of every CLI command's start, with nothing to do.
    /// A new database has no version table yet.
    /// </summary>
    private static async Task<IReadOnlyList<AppliedMigration>> PendingMigrationsAsync(DbConnection db, CancellationToken cancellationToken)
    {
        var applied = new HashSet<long>();
        try
        {
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT \"Version\" FROM \"VersionInfo\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) applied.Add(reader.GetInt64(0));
        }
        catch (DbException)
        {
            return [.. Migrations.Value];
        }

        return [.. Migrations.Value.Where(m => !applied.Contains(m.Version))];
    }
}
