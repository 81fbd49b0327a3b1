using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ashbridge.Core.Storage;

/// <summary>
/// Where Ashbridge keeps its data: a SQLite file (the default, in the user's data folder) or a PostgreSQL connection string.
/// <see cref="DataFolder"/> holds what lives beside the database, such as the keys that encrypt secrets.
/// </summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString, string DataFolder)
{
    /// <summary>The environment variable that picks the database when no <c>--database</c> option is given.</summary>
    public const string EnvironmentVariable = "ASHBRIDGE_DATABASE";

    /// <summary>The environment variable that moves the data folder (the default SQLite file and the key ring).</summary>
    public const string DataFolderVariable = "ASHBRIDGE_DATA";

    /// <summary>The SQLite file's path, for SQLite locations.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>
    /// Reads a database setting: <c>postgres://user:password@host:port/db</c>, an Npgsql connection string
    /// (<c>Host=…</c>), a SQLite connection string (<c>Data Source=…</c>) or a plain path to a SQLite file.
    /// </summary>
    /// <exception cref="FormatException">The value is empty or not a usable location.</exception>
    public static DatabaseLocation Parse(string value, string? dataFolder = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Length == 0) throw new FormatException("The database setting is empty: give a SQLite file path or a PostgreSQL connection string.");

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromUrl(text), dataFolder);
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase) || text.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Postgres(new NpgsqlConnectionStringBuilder(text).ConnectionString, dataFolder);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"The PostgreSQL connection string is not valid: {ex.Message}", ex);
            }
        }

        var path = text.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DataSource=", StringComparison.OrdinalIgnoreCase)
            ? new SqliteConnectionStringBuilder(text).DataSource
            : text;
        return SqliteFileAt(path, dataFolder);
    }

    /// <summary>The setting from <c>ASHBRIDGE_DATABASE</c>, or the default SQLite file in the data folder.</summary>
    public static DatabaseLocation FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? Parse(value) : Default();

    /// <summary>The default: <c>ashbridge.db</c> in <c>ASHBRIDGE_DATA</c> or the user's local data folder.</summary>
    public static DatabaseLocation Default() => SqliteFileAt(Path.Combine(DefaultDataFolder(), "ashbridge.db"), null);

    /// <summary>A SQLite file at <paramref name="path"/>; its data folder is the file's folder unless given.</summary>
    public static DatabaseLocation SqliteFileAt(string path, string? dataFolder = null)
    {
        var full = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite's pool can lend one native handle to two owners under concurrent opens
            // (dotnet/efcore#39008); opening a SQLite file is cheap, so every connection is its own.
            Pooling = false,
            DefaultTimeout = 30, // seconds a writer waits for another's lock before SQLITE_BUSY
        };
        return new DatabaseLocation(DatabaseProvider.Sqlite, builder.ConnectionString, dataFolder ?? Path.GetDirectoryName(full)!);
    }

    /// <summary>
    /// Refuses a SQLite file whose folder does not exist. <see cref="AshbridgeDatabase.OpenAsync"/> creates the folder, which
    /// suits the default data folder; for a path someone typed, a missing folder is far more often a typo, and creating
    /// it (with a database and a key ring) would hide the mistake.
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The SQLite file's folder does not exist; the message says which and what to do.</exception>
    public void ThrowIfSqliteFolderMissing()
    {
        if (SqliteFile is { } file && Path.GetDirectoryName(file) is { } folder && !Directory.Exists(folder))
        {
            throw new DatabaseUnavailableException(
                $"The folder of the database file {file} does not exist ({folder}). Create it first, or give a path in an existing folder; nothing was created.");
        }
    }

    /// <summary>Shows the location without any password.</summary>
    public override string ToString() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite {SqliteFile}",
        _ => $"PostgreSQL {Redacted(ConnectionString)}",
    };

    private static DatabaseLocation Postgres(string connectionString, string? dataFolder) =>
        new(DatabaseProvider.Postgres, connectionString, dataFolder ?? DefaultDataFolder());

    private static string DefaultDataFolder() =>
        Environment.GetEnvironmentVariable(DataFolderVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ashbridge");

    private static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException("The PostgreSQL URL is not valid; expected postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }

        return builder.ConnectionString;
    }

    private static string Redacted(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
