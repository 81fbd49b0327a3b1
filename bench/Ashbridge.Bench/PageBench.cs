using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ashbridge.Bench;

/// <summary>
/// How fast the hub's pages answer a signed-in person, and what the live pages' polling costs: the hub as its own
/// process (SQLite, Release) mirroring an emulator process, its new hires added as members, and its webhook inbox
/// filled with signed events; then each page and <c>/api/pulse</c> fetched in turn, as a browser would.
/// </summary>
internal static partial class PageBench
{
    private const string Email = "bench@ashbridge.local";
    private const string Password = "bench password long enough";

    public static async Task<int> RunAsync(string[] args)
    {
        var candidates = WebhookBench.IntOption(args, "--candidates") ?? 10_000;
        var events = WebhookBench.IntOption(args, "--events") ?? 100_000;
        var rounds = WebhookBench.IntOption(args, "--rounds") ?? 100;
        var folder = Directory.CreateTempSubdirectory("ashbridge-page-bench-").FullName;
        try
        {
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            await using var emulator = await EmulatorProcess.StartAsync(candidates);
            await using var hub = await WebhookBench.HubProcess.StartAsync(folder, emulator);
            using var api = WebhookBench.Client(hub.BaseUrl);
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Token);
            await FirstPassAsync(api);

            var hires = await NewHiresAsync(api);
            var ids = hires.EnumerateArray().Select(h => h.GetProperty("applicationId").GetString()!).ToList();
            var added = 0;
            long? memberId = null;
            foreach (var hire in hires.EnumerateArray().Where(h => h.GetProperty("missing").GetArrayLength() == 0).Skip(1))
            {
                using var member = await api.PostAsync(new Uri($"/api/connections/acme/new-hires/{hire.GetProperty("applicationId").GetString()}/member", UriKind.Relative), null);
                if (member.StatusCode != HttpStatusCode.Created) continue;
                memberId ??= (await member.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                added++;
            }

            var bodies = WebhookBench.Bodies(hub.Secret, events, "applicationUpdate");
            await WebhookBench.LoadAsync(api, "/webhooks/ashby/acme", bodies);
            await hub.ProcessedAsync();
            Console.WriteLine($"Data: {candidates:N0} candidates mirrored, {ids.Count:N0} new hires ({added:N0} added as members), {events:N0} webhook events in the inbox.");

            using var person = await SignInAsync(hub.BaseUrl);
            var pages = new List<string> { "/", "/connections", "/connections/acme", "/new-hires/acme", "/members", "/webhooks", "/outbound", "/audit" };
            if (ids.Count > 0) pages.Add($"/new-hires/acme/review/{ids[0]}");
            if (memberId is { } id) pages.Add($"/members/{id}");
            pages.Add("/api/pulse");

            Console.WriteLine($"| page | p50 | p99 | max | bytes |");
            Console.WriteLine($"|---|---|---|---|---|");
            foreach (var page in pages)
            {
                var latencies = new List<double>(rounds);
                long bytes = 0;
                for (var i = -5; i < rounds; i++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await person.GetAsync(new Uri(page, UriKind.Relative));
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}.");
                    if (i < 0) continue; // warm-up
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    bytes = body.Length;
                }

                latencies.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| `{page}` | {Percentile(latencies, 0.5):F1} ms | {Percentile(latencies, 0.99):F1} ms | {latencies[^1]:F1} ms | {bytes:N0} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The queue once the first pass's hires are in it (the importer follows the pass).</summary>
    private static async Task<JsonElement> NewHiresAsync(HttpClient api)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var hires = await api.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires");
            if (hires.GetArrayLength() > 0) return hires;
            if (clock.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException("No new hire reached the queue within a minute of the first pass.");
            await Task.Delay(200);
        }
    }

    private static async Task FirstPassAsync(HttpClient api)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var runs = await api.GetFromJsonAsync<JsonElement>("/api/connections/acme/runs");
            if (runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded")) return;
            if (clock.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("The hub's first pass did not succeed within 5 minutes.");
            await Task.Delay(200);
        }
    }

    /// <summary>A person's browser: signed in through the form, keeping its cookies.</summary>
    private static async Task<HttpClient> SignInAsync(Uri baseUrl)
    {
        var person = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseUrl };
        var form = await person.GetStringAsync(new Uri("/signin", UriKind.Relative));
        using var signIn = await person.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = Email, ["password"] = Password, ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
        }));
        if (signIn.RequestMessage?.RequestUri?.Query.Contains("error", StringComparison.Ordinal) == true) throw new InvalidOperationException("The bench could not sign in.");
        return person;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
