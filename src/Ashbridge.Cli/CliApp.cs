using System.CommandLine;
using Ashbridge.Cli.Commands;
using Ashbridge.Cli.Hosting;
using Spectre.Console;

namespace Ashbridge.Cli;

/// <summary>The <c>ashbridge</c> command: one verb per file under <c>Commands/</c>.</summary>
internal static class CliApp
{
    /// <summary>Parses and runs a command line, writing to <paramref name="console"/> (a test passes its own).</summary>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console)
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
            ServeCommand.Create(database),
            EmulatorCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
