using System.CommandLine;
using System.Globalization;

namespace Ashbridge.Emulator;

/// <summary>
/// The <c>ashby-emulator</c> command line (also what <c>ashbridge emulator</c> delegates to):
/// <c>ashby-emulator --urls http://127.0.0.1:5080 [--seed N] [--size small|medium|large|N] [--keys FILE] [--faults PROFILE]</c>.
/// </summary>
public static class EmulatorProgram
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Task<int> RunAsync(string[] args)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => DefaultUrl };
        var seed = new Option<int>("--seed") { Description = "Generator seed: the same seed and size give the same organisation.", DefaultValueFactory = _ => 1 };
        var size = new Option<string>("--size") { Description = "small (~200 candidates), medium (~10k), large (100k) or a candidate count up to 1000000.", DefaultValueFactory = _ => "small" };
        var keys = new Option<string?>("--keys") { Description = "JSON file of API keys (see docs/concepts/emulator.md); default: one demo key with every permission." };
        var faults = new Option<string?>("--faults") { Description = "Fault profile (see docs/concepts/emulator-webhooks.md); default: none." };
        var defaults = new EmulatorOptions();
        var tokenLifetime = new Option<TimeSpan>("--sync-token-lifetime") { Description = "How long a sync token stays usable (d.hh:mm:ss).", DefaultValueFactory = _ => defaults.SyncTokenLifetime };
        var cursorLifetime = new Option<TimeSpan>("--cursor-lifetime") { Description = "How long a pagination cursor stays usable (hh:mm:ss).", DefaultValueFactory = _ => defaults.CursorLifetime };
        var pageCap = new Option<int>("--incremental-page-cap") { Description = "Pages an incremental pass may span before incremental_sync_too_large.", DefaultValueFactory = _ => defaults.IncrementalPageCap };
        var timeScale = new Option<double>("--webhook-time-scale") { Description = "Multiplies Ashby's webhook retry delays (0.01 makes 10 s become 100 ms).", DefaultValueFactory = _ => defaults.WebhookTimeScale };
        var root = new RootCommand("A local Ashby API: a generated organisation served over HTTP, with webhooks, faults and a control API.")
        {
            urls, seed, size, keys, faults, tokenLifetime, cursorLifetime, pageCap, timeScale,
        };
        root.SetAction(async (result, ct) =>
        {
            var options = new EmulatorOptions
            {
                Seed = result.GetValue(seed),
                Size = result.GetValue(size) ?? "small",
                KeysFile = result.GetValue(keys),
                FaultProfile = result.GetValue(faults),
                SyncTokenLifetime = result.GetValue(tokenLifetime),
                CursorLifetime = result.GetValue(cursorLifetime),
                IncrementalPageCap = result.GetValue(pageCap),
                WebhookTimeScale = result.GetValue(timeScale),
            };
            if (options.SyncTokenLifetime <= TimeSpan.Zero || options.CursorLifetime <= TimeSpan.Zero || options.IncrementalPageCap < 1 || options.WebhookTimeScale <= 0)
            {
                await Console.Error.WriteLineAsync("Lifetimes, the page cap and the webhook time scale must be positive.");
                return 2;
            }
            try
            {
                _ = Data.OrganizationSize.Parse(options.Size);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            EmulatorHost host;
            try
            {
                host = await EmulatorHost.StartAsync(options, result.GetValue(urls) ?? DefaultUrl, ct);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or FormatException or KeyNotFoundException)
            {
                // A bad keys file or fault profile: say what is wrong instead of a stack trace.
                await Console.Error.WriteLineAsync($"ashby-emulator: {e.Message}");
                return 2;
            }

            await using var running = host;
            var org = host.Organization;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ashby emulator listening on {host.BaseUrl}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Organization: seed {options.Seed}, size {options.Size}: {org.Candidates.Count:N0} candidates, {org.Applications.Count:N0} applications, {org.Jobs.Count:N0} jobs, {org.Users.Count:N0} users"));
            Console.WriteLine($"API key (every permission): {host.DemoApiKey}");
            Console.WriteLine($"Try: curl -u {host.DemoApiKey}: -H 'Content-Type: application/json' -d '{{}}' {host.BaseUrl}candidate.list");
            Console.WriteLine($"Control API: {host.BaseUrl}_emulator/summary. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: fall through to a clean shutdown.
            }

            return 0;
        });
        return root.Parse(args).InvokeAsync();
    }
}
