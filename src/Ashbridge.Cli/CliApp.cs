using System.CommandLine;
using Ashbridge.Cli.Commands;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.Storage;
using Spectre.Console;

namespace Ashbridge.Cli;

/// <summary>The <c>ashbridge</c> command: one verb per file under <c>Commands/</c>.</summary>
internal static class CliApp
{
    /// <summary>Set to 1 to see the stack trace of an unexpected error (for a bug report).</summary>
    public const string DebugVariable = "ASHBRIDGE_DEBUG";

    /// <summary>Parses and runs a command line, writing to <paramref name="console"/> (a test passes its own).</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console)
    {
        var database = DatabaseOption.Create();
        var root = new RootCommand("Ashbridge: a self-hosted integration hub for the Ashby ATS.")
        {
            database,
            CheckCommand.Create(console),
            ConnectionCommand.Create(console, database),
            SyncCommand.Create(console, database),
            StatusCommand.Create(console, database),
            UserCommand.Create(console, database),
            TokenCommand.Create(console, database),
            MembersCommand.Create(console, database),
            ExportCommand.Create(console, database),
            OrgChartCommand.Create(console, database),
            NewHiresCommand.Create(console, database),
            OpenRolesCommand.Create(console, database),
            DedupeCommand.Create(console, database),
            AshbyUsersCommand.Create(console, database),
            UploadCommand.Create(console, database),
            MigrateCommand.Create(console, database),
            ServeCommand.Create(database),
            EmulatorCommand.Create(),
        };
        var parsed = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            // Errors are reported below, in one line; the default handler printed stack traces.
            EnableDefaultExceptionHandler = false,
            // Ctrl-C cancels the command's token; a sync then records where it stopped and says so (not the default 2 s).
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };
        try
        {
            var exit = await parsed.InvokeAsync(invocation);
            // System.CommandLine answers a parse error with 1, which is a failed sync here.
            return parsed.Errors.Count > 0 ? ExitCodes.Usage : exit;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Cancelled.[/]");
            return ExitCodes.Cancelled;
        }
        catch (DatabaseUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ExitCodes.DatabaseUnavailable;
        }
        catch (Exception ex)
        {
            // The last line of defence: one line saying what went wrong, and the stack only when asked for.
            var message = ex.InnerException is { } inner && ex is AggregateException or System.Reflection.TargetInvocationException ? inner.Message : ex.Message;
            console.MarkupLineInterpolated($"[red]ashbridge stopped:[/] {message}");
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1") console.WriteLine(ex.ToString());
            else console.MarkupLineInterpolated($"[grey](Set {DebugVariable}=1 to see where it happened, for a bug report.)[/]");
            return ExitCodes.Unexpected;
        }
    }
}
