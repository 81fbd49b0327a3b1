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
    public static DatabaseLocation Resolve(string? value) =>
        value is { Length: > 0 } ? DatabaseLocation.Parse(value) : DatabaseLocation.FromEnvironment();
}
