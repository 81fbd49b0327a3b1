using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ashbridge.Bench;

/// <summary>
/// From a posting published in Ashby to the open role visible in the hub's API, with webhooks: the hub runs as its own
/// process against an emulator process (10k candidates) that sends Ashby's job and posting webhooks to it.
/// </summary>
internal static class OpenRoleBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var postings = WebhookBench.IntOption(args, "--postings") ?? 50;
        var folder = Directory.CreateTempSubdirectory("ashbridge-openrole-bench-").FullName;
        try
        {
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            await using var emulator = await EmulatorProcess.StartAsync(10_000);
            await using var hub = await WebhookBench.HubProcess.StartAsync(folder, emulator);
            using var ashby = WebhookBench.AshbyClient(emulator);
            await WebhookBench.RegisterWebhooksAsync(ashby, hub, "jobCreate", "jobUpdate", "openingCreate", "jobPostingPublish", "jobPostingUnpublish", "jobPostingUpdate", "jobPostingDelete");

            using var api = WebhookBench.HubApi(hub);
            // The first full pass builds the open roles (each description fetched once); measure after it.
            var first = Stopwatch.StartNew();
            var initial = 0;
            while (initial == 0)
            {
                if (first.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("acme's open roles did not appear within 5 minutes.");
                await Task.Delay(200);
                initial = (await api.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles")).GetArrayLength();
            }

            Console.WriteLine($"First pass: {initial} open roles after {first.Elapsed.TotalSeconds:0.0} s");
            var latencies = new List<double>(postings);
            for (var i = 0; i < postings; i++)
            {
                var clock = Stopwatch.StartNew();
                string postingId;
                using (var created = await ashby.PostAsJsonAsync("_emulator/jobs", new { title = $"Bench Role {i:000}" }))
                {
                    created.EnsureSuccessStatusCode();
                    postingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobPostingIds")[0].GetString()!;
                }

                while (true)
                {
                    var roles = await api.GetFromJsonAsync<JsonElement>("/api/connections/acme/open-roles");
                    if (roles.EnumerateArray().Any(r => r.GetProperty("postingId").GetString() == postingId)) break;
                    if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Posting {postingId} did not become an open role within 30 s.");
                    await Task.Delay(2);
                }

                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(WebhookBench.LatencySummary($"posting published in Ashby to open role in the hub's API over {latencies.Count} postings", latencies));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
