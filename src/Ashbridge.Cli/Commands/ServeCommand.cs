using System.CommandLine;
using Ashbridge.Server;
using Microsoft.AspNetCore.Builder;

namespace Ashbridge.Cli.Commands;

/// <summary>
/// <c>ashbridge serve</c>: the hub itself (web UI, API, webhook inbox, scheduled syncs), as
/// <c>dotnet run --project src/Ashbridge.Server</c> runs it, configured the same way.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(Option<string?> database)
    {
        var urls = new Option<string?>("--urls") { Description = "Where the hub listens (default http://127.0.0.1:5000)." };
        var settings = new Argument<string[]>("settings")
        {
            Description = "Any other hub setting, as ASP.NET Core reads them: --Ashbridge:Admin:Email=you@example.com …",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("serve", "Run the hub: web UI, JSON API, webhook inbox and scheduled syncs (the demo when no connection is configured).")
        {
            urls,
            settings,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var args = HubArguments(result.GetValue(urls), result.GetValue(database), [.. result.GetValue(settings) ?? [], .. result.UnmatchedTokens]);

            // The hub's pages, appsettings.json and static assets are the server's, copied beside this program; an
            // appsettings.json in the current directory is a deployment's own and wins, as with the server run directly.
            await HubProgram.RunAsync(args, new WebApplicationOptions
            {
                Args = args,
                ApplicationName = HubProgram.ApplicationName,
                ContentRootPath = HubProgram.ContentRoot(),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The hub's command line: the CLI's own options become the settings they stand for.</summary>
    internal static string[] HubArguments(string? urls, string? database, IEnumerable<string> rest)
    {
        var args = new List<string>();
        if (urls is { Length: > 0 }) args.Add($"--urls={urls}");
        if (database is { Length: > 0 }) args.Add($"--Ashbridge:Database={database}");
        args.AddRange(rest);
        return [.. args];
    }
}
