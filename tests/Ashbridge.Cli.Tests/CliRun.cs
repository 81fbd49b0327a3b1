using Spectre.Console;

namespace Ashbridge.Cli.Tests;

/// <summary>Runs the CLI in-process with a captured, colourless console.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        var exitCode = await CliApp.RunAsync(args, console);
        return (exitCode, writer.ToString());
    }
}
