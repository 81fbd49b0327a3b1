using System.CommandLine;
using Ashbridge.Emulator;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge emulator …</c>: the Ashby emulator's own command line, reachable from the CLI.</summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var arguments = new Argument<string[]>("options")
        {
            Description = "The emulator's options: --urls, --seed, --size, --keys, --faults (see ashby-emulator --help).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("emulator", "Run a local Ashby emulator with a generated organisation.") { arguments };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(result => EmulatorProgram.RunAsync([.. result.GetValue(arguments) ?? [], .. result.UnmatchedTokens]));
        return command;
    }
}
