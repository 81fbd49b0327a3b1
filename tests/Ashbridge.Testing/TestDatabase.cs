using Ashbridge.Core.Storage;
using Npgsql;
using Xunit;

namespace Ashbridge.Testing;

/// <summary>
/// A fresh, migrated Ashbridge database for one test: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server named by <c>ASHBRIDGE_TEST_POSTGRES</c>. Tests that take a provider run on both; without a server
/// the PostgreSQL case is skipped (reported as skipped, never as passed) unless <c>ASHBRIDGE_TEST_POSTGRES_REQUIRED</c>
/// is set, as in CI, where a missing server fails the test.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding an Npgsql connection string to a server tests may create databases on.</summary>
    public const string PostgresVariable = "ASHBRIDGE_TEST_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(AshbridgeDatabase database, string folder, string? postgresName)
    {
        Database = database;
        Folder = folder;
        _postgresName = postgresName;
    }

    /// <summary>Both providers, for <c>[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    /// <summary>The open, migrated database.</summary>
    public AshbridgeDatabase Database { get; }

    /// <summary>Where the location is.</summary>
    public DatabaseLocation Location => Database.Location;

    /// <summary>A temporary folder of the test's own (the SQLite file and the key ring live here).</summary>
    public string Folder { get; }

    /// <summary>Creates and migrates a fresh database of the given kind.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ashbridge-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = DatabaseLocation.SqliteFileAt(Path.Combine(folder, "ashbridge.db"));
            return new TestDatabase(await AshbridgeDatabase.OpenAsync(sqlite, cancellationToken), folder, null);
        }

        var server = PostgresServer();
        var name = $"ashbridge_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var location = new DatabaseLocation(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, folder);
        return new TestDatabase(await AshbridgeDatabase.OpenAsync(location, cancellationToken), folder, name);
    }

    /// <summary>The server's connection string, or a skip (or, in CI, a failure) when there is none.</summary>
    public static string PostgresServer()
    {
        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server) return server;
        if (Environment.GetEnvironmentVariable("ASHBRIDGE_TEST_POSTGRES_REQUIRED") is { Length: > 0 })
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set but PostgreSQL tests are required; run eng/postgres.sh.");
        }

        Assert.Skip($"PostgreSQL tests need {PostgresVariable} (see README: PostgreSQL tests).");
        return null!;
    }

    /// <summary>
    /// Takes a PostgreSQL test database away (refuses new connections and ends the open ones) or gives it back: an
    /// outage as the hub sees it, with the server itself still up.
    /// </summary>
    public static async Task SetConnectionsAllowedAsync(string database, bool allowed, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(PostgresServer());
        await admin.OpenAsync(cancellationToken);
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE {database} ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!allowed)
        {
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync(cancellationToken);
        }

        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned by the OS eventually.
        }
    }
}
