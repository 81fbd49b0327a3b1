using System.CommandLine;
using Ashbridge.Core.Storage;

namespace Ashbridge.Cli.Hosting;

/// <summary>The global <c>--database</c> option: a SQLite file or a PostgreSQL connection string; else <c>ASHBRIDGE_DATABASE</c>; else the default file.</summary>
internal static class DatabaseOption
{
    public static Option<string?> Create() => new("--database")
    {
        Description = $"The hub's database: a SQLite file path or a PostgreSQL connection string/URL (default: ${DatabaseLocation.EnvironmentVariable}, else ashbridge.db in the data folder).",
        Recursive = true,
    };

    /// <summary>The location the command line picks.</summary>
    /// <exception cref="FormatException">The value is not a usable location.</exception>
    /// <exception cref="DatabaseUnavailableException">A SQLite file was named (option or variable) in a folder that does not exist.</exception>
    public static DatabaseLocation Resolve(string? value)
    {
        var named = value is { Length: > 0 } ? value : Environment.GetEnvironmentVariable(DatabaseLocation.EnvironmentVariable);
        if (named is not { Length: > 0 }) return DatabaseLocation.Default(); // the default data folder is created as needed
        var location = DatabaseLocation.Parse(named);
        location.ThrowIfSqliteFolderMissing();
        return location;
    }
}
