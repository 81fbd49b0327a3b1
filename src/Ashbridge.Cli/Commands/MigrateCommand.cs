using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.Storage;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary>
/// <c>ashbridge migrate</c>: brings the chosen database's schema up to date and says what it applied, so a deployment
/// can migrate as a step of its own before starting the hub (which would otherwise do it as it starts).
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(IAnsiConsole console, Option<string?> database)
    {
        var command = new Command("migrate", "Apply the database's pending schema migrations and list them (the hub also does this as it starts).");
        command.SetAction((result, ct) => RunAsync(console, result.GetValue(database), ct));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string? value, CancellationToken ct)
    {
        try
        {
            var location = DatabaseOption.Resolve(value);
            await using var database = AshbridgeDatabase.For(location);
            var applied = await database.MigrateAsync(ct);
            if (applied.Count == 0)
            {
                console.MarkupLineInterpolated($"[green]The database is up to date[/] ({location}).");
                return ExitCodes.Ok;
            }

            console.MarkupLineInterpolated($"[green]Applied {applied.Count} migration{(applied.Count == 1 ? "" : "s")}[/] to {location}:");
            foreach (var migration in applied) console.MarkupLineInterpolated($"  {migration.Version,4}  {migration.Description}");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is FormatException or DatabaseUnavailableException)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ExitCodes.DatabaseUnavailable;
        }
    }
}
