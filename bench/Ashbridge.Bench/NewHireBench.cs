using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ashbridge.Bench;

/// <summary>
/// From a hire in Ashby to the pending new hire visible in the hub's API, with webhooks: the hub runs as its own
/// process against an emulator process (10k candidates) that sends Ashby's hire webhooks to it.
/// </summary>
internal static class NewHireBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var hires = WebhookBench.IntOption(args, "--hires") ?? 200;
        var folder = Directory.CreateTempSubdirectory("ashbridge-newhire-bench-").FullName;
        try
        {
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            await using var emulator = await EmulatorProcess.StartAsync(10_000);
            await using var hub = await WebhookBench.HubProcess.StartAsync(folder, emulator);
            using var ashby = WebhookBench.AshbyClient(emulator);
            await WebhookBench.RegisterWebhooksAsync(ashby, hub, "candidateHire", "applicationUpdate", "offerCreate", "offerUpdate");

            using var list = await ashby.PostAsJsonAsync("application.list", new { status = "Active", limit = 100 });
            var body = await list.Content.ReadFromJsonAsync<JsonElement>();
            var applications = body.GetProperty("results").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
            var cursor = body.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            while (applications.Count < hires && cursor is not null)
            {
                using var page = await ashby.PostAsJsonAsync("application.list", new { status = "Active", limit = 100, cursor });
                body = await page.Content.ReadFromJsonAsync<JsonElement>();
                applications.AddRange(body.GetProperty("results").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
                cursor = body.TryGetProperty("nextCursor", out next) && body.GetProperty("moreDataAvailable").GetBoolean() ? next.GetString() : null;
            }

            using var api = WebhookBench.HubApi(hub);
            var latencies = new List<double>(hires);
            foreach (var id in applications.Take(hires))
            {
                var clock = Stopwatch.StartNew();
                using (var hired = await ashby.PostAsJsonAsync($"_emulator/applications/{id}/hire", new { salary = 120000 }))
                {
                    hired.EnsureSuccessStatusCode();
                }

                while (true)
                {
                    using var response = await api.GetAsync(new Uri($"/api/connections/acme/new-hires/{id}", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK) break;
                    if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Application {id}'s hire did not reach the queue within 30 s.");
                    await Task.Delay(2);
                }

                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(WebhookBench.LatencySummary($"hire in Ashby to pending new hire in the hub's API over {latencies.Count} hires", latencies));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
