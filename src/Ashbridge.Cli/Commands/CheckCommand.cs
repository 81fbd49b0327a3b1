using System.CommandLine;
using Ashbridge.Ashby;
using Ashbridge.Cli.Output;
using Ashbridge.Core.Connections;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge check</c>: what an Ashby key may do, per permission and per feature.</summary>
internal static class CheckCommand
{
    public const int KeyRejected = ExitCodes.KeyRejected;
    public const int AshbyUnreachable = ExitCodes.AshbyUnreachable;

    public static Command Create(IAnsiConsole console)
    {
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "The Ashby API key (default: the ASHBY_API_KEY environment variable). It is never printed.",
        };
        var baseUrl = new Option<string>("--base-url")
        {
            Description = "The Ashby API's base URL (an emulator's, for instance).",
            DefaultValueFactory = _ => AshbyClientDefaults.BaseUrl.ToString(),
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON for scripts." };
        var command = new Command("check", "Check an Ashby API key: which permissions it holds and which features it can serve.")
        {
            apiKey, baseUrl, json,
        };
        command.SetAction((result, ct) => RunAsync(
            console,
            result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("ASHBY_API_KEY"),
            result.GetValue(baseUrl)!,
            result.GetValue(json),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string? apiKey, string baseUrl, bool json, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            console.MarkupLine("[red]No API key.[/] Pass --api-key or set ASHBY_API_KEY (Ashby Admin › Integrations › API Keys).");
            return KeyRejected;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            console.MarkupLineInterpolated($"[red]--base-url '{baseUrl}' is not an http(s) URL.[/]");
            return ExitCodes.Usage;
        }

        using var client = new AshbyClient(new AshbyClientOptions { ApiKey = apiKey, BaseUrl = url });
        try
        {
            var report = await new KeyCheck(client).RunAsync(ct);
            if (json)
            {
                KeyCheckOutput.WriteJson(console, report);
            }
            else
            {
                KeyCheckOutput.WriteTables(console, report);
            }

            return ExitCodes.Ok;
        }
        catch (AshbyAuthenticationException e)
        {
            console.MarkupLineInterpolated($"[red]Ashby refused the key:[/] {e.Message}");
            return KeyRejected;
        }
        catch (AshbyApiException e)
        {
            console.MarkupLineInterpolated($"[red]Could not check the key against {url}:[/] {AshbyFailure.Classify(e).Message}");
            return AshbyUnreachable;
        }
    }
}
