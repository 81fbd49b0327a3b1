using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Bench;

/// <summary>
/// The webhook inbox: the rate of verified deliveries the hub stores (each a new event, its processing running
/// alongside) against a bare Kestrel endpoint that only checks the same HMAC, both loaded by the same senders; and the
/// time from a change in the emulator, through its signed webhook, to the change readable in the hub's API.
/// The hub is the real server in its own process on SQLite; the emulator is in another.
/// </summary>
internal static class WebhookBench
{
    private const string Secretless = "bench-bare-secret-0123456789";
    private const int Senders = 32;

    /// <summary>
    /// Deliveries sent before measuring, so both endpoints are measured at their steady state (tiered JIT done). 10,000
    /// was not enough for the hub, whose intake, processing and sync have far more code to tier up than the bare endpoint:
    /// its CPU per delivery over the first 100,000 measured was 145–155 µs, and about 105 µs over 200,000.
    /// </summary>
    private const int Warmup = 50_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var deliveries = IntOption(args, "--deliveries") ?? 100_000;
        var changes = IntOption(args, "--changes") ?? 200;
        var action = StringOption(args, "--action") ?? "applicationUpdate";
        var folder = Directory.CreateTempSubdirectory("ashbridge-webhook-bench-").FullName;
        try
        {
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            var inProcess = await InProcessBareRateAsync(deliveries);
            Console.WriteLine($"bare Kestrel + HMAC in the bench's process: {inProcess:F0} deliveries/s");

            await using var bareProcess = await StartBareProcessAsync();
            await using var emulator = await EmulatorProcess.StartAsync(10_000);
            await using var hub = await HubProcess.StartAsync(folder, emulator);
            var bare = new Target(bareProcess.BaseUrl, bareProcess.ProcessorTime, "/hook", Secretless, "applicationUpdate", () => Task.CompletedTask);
            var inbox = new Target(hub.BaseUrl, hub.ProcessorTime, "/webhooks/ashby/acme", hub.Secret, action, hub.ProcessedAsync);
            var (bareRate, bareCpu, hubRate, hubCpu) = await InterleavedAsync(bare, inbox, deliveries);
            Console.WriteLine($"bare Kestrel + HMAC in its own process: {bareRate:F0} deliveries/s; its CPU {bareCpu:F0} us per delivery");
            Console.WriteLine($"hub inbox (verified and stored, {action}): {hubRate:F0} deliveries/s = {100 * hubRate / bareRate:F0}% of bare in its own process, "
                + $"{100 * hubRate / inProcess:F0}% of bare in the bench's (targets: >= 3,000/s and >= 50%); hub CPU {hubCpu:F0} us per delivery, its processing included");

            var latencies = await LatencyAsync(hub, emulator, changes);
            Console.WriteLine(LatencySummary($"change in Ashby to visible in the hub's API over {latencies.Count} changes", latencies));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The bare endpoint in the bench's own process: its client and server share one runtime (thread pool, GC), which
    /// the hub in its own process cannot. Printed for comparison with runs before 2026-11-29.
    /// </summary>
    private static async Task<double> InProcessBareRateAsync(int deliveries)
    {
        await using var app = BareEndpoint("http://127.0.0.1:0");
        await app.StartAsync();
        using var http = Client(new Uri(app.Urls.First()));
        await LoadAsync(http, "/hook", Bodies(Secretless, Warmup, "applicationUpdate")); // JIT and connections
        return await LoadAsync(http, "/hook", Bodies(Secretless, deliveries, "applicationUpdate"));
    }

    /// <summary>Kestrel doing only what the intake must: read the body, check the signature, answer.</summary>
    private static WebApplication BareEndpoint(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            return AshbyWebhookSignature.Verify(buffer.ToArray(), context.Request.Headers[AshbyWebhookSignature.HeaderName], Secretless) == AshbyWebhookSignatureResult.Valid
                ? Results.Ok()
                : Results.Unauthorized();
        });
        return app;
    }

    /// <summary>The bare endpoint as its own process (<c>webhooks-bare URL</c>), as the hub is; prints "ready" once listening.</summary>
    public static async Task<int> BareMainAsync(string[] args)
    {
        await using var app = BareEndpoint(args[1]);
        await app.StartAsync();
        Console.WriteLine("ready");
        await ((IHost)app).WaitForShutdownAsync(); // killed by the bench
        return 0;
    }

    /// <summary>Where deliveries go, how its process's CPU time is read, and how to wait until it has processed them.</summary>
    private sealed record Target(Uri BaseUrl, Func<TimeSpan> ProcessorTime, string Path, string Secret, string Action, Func<Task> ProcessedAsync);

    /// <summary>Rounds the measured deliveries are split into, alternating between the two endpoints.</summary>
    private const int Rounds = 5;

    /// <summary>
    /// Both endpoints' rates and CPU per delivery, measured in alternating rounds so a change in the machine's speed
    /// (this machine's varies by tens of percent within minutes) falls on both alike. The hub's rate is its intake's; its
    /// CPU includes processing what it took in, and each of its rounds waits for that before the bare endpoint's next.
    /// </summary>
    private static async Task<(double BareRate, double BareCpu, double HubRate, double HubCpu)> InterleavedAsync(Target bare, Target hub, int deliveries)
    {
        using var bareHttp = Client(bare.BaseUrl);
        using var hubHttp = Client(hub.BaseUrl);
        await LoadAsync(bareHttp, bare.Path, Bodies(bare.Secret, Warmup, bare.Action)); // JIT and connections
        await LoadAsync(hubHttp, hub.Path, Bodies(hub.Secret, Warmup, hub.Action));
        await hub.ProcessedAsync();
        double bareSeconds = 0, hubSeconds = 0;
        TimeSpan bareCpu = TimeSpan.Zero, hubCpu = TimeSpan.Zero;
        var perRound = deliveries / Rounds;
        for (var round = 0; round < Rounds; round++)
        {
            var (seconds, cpu) = await RoundAsync(bareHttp, bare, perRound);
            (bareSeconds, bareCpu) = (bareSeconds + seconds, bareCpu + cpu);
            (seconds, cpu) = await RoundAsync(hubHttp, hub, perRound);
            (hubSeconds, hubCpu) = (hubSeconds + seconds, hubCpu + cpu);
        }

        var measured = perRound * Rounds;
        return (measured / bareSeconds, bareCpu.TotalMicroseconds / measured, measured / hubSeconds, hubCpu.TotalMicroseconds / measured);
    }

    /// <summary>One round: the seconds the deliveries took to be answered, and the CPU the process spent until they were processed.</summary>
    private static async Task<(double Seconds, TimeSpan Cpu)> RoundAsync(HttpClient http, Target target, int deliveries)
    {
        var bodies = Bodies(target.Secret, deliveries, target.Action);
        var cpuBefore = target.ProcessorTime();
        var rate = await LoadAsync(http, target.Path, bodies);
        await target.ProcessedAsync();
        return (deliveries / rate, target.ProcessorTime() - cpuBefore);
    }

    /// <summary>Moves applications on a stage in the emulator; each time, reads the hub's API until the move shows.</summary>
    private static async Task<List<double>> LatencyAsync(HubProcess hub, EmulatorProcess emulator, int changes)
    {
        using var ashby = Client(emulator.BaseUrl);
        ashby.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.ApiKey + ":")));
        foreach (var type in new[] { "applicationUpdate", "candidateStageChange" })
        {
            using var created = await ashby.PostAsJsonAsync("webhook.create", new { webhookType = type, requestUrl = new Uri(hub.BaseUrl, "/webhooks/ashby/acme").ToString(), secretToken = hub.Secret });
            created.EnsureSuccessStatusCode();
        }

        using var list = await ashby.PostAsJsonAsync("application.list", new { status = "Active", limit = 100 });
        var applications = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        using var api = Client(hub.BaseUrl);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Token);
        var latencies = new List<double>(changes);
        for (var i = 0; i < changes; i++)
        {
            var id = applications[i % applications.Count];
            var stage = (i / applications.Count) % 2 == 0 ? "Offer" : "Active";
            var clock = Stopwatch.StartNew();
            using (var moved = await ashby.PostAsJsonAsync($"_emulator/applications/{id}/stage", new { stageType = stage }))
            {
                moved.EnsureSuccessStatusCode();
            }

            while (await StageAsync(api, id) != stage)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Application {id} did not reach {stage} in the hub within 30 s.");
                await Task.Delay(2);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task<string?> StageAsync(HttpClient api, string id)
    {
        using var response = await api.GetAsync(new Uri($"/api/connections/acme/mirror/applications/{id}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var row = await response.Content.ReadFromJsonAsync<JsonElement>();
        return row.GetProperty("ashby").GetProperty("currentInterviewStage").GetProperty("type").GetString();
    }

    /// <summary>Sends every body once through <see cref="Senders"/> concurrent senders; returns deliveries per second.</summary>
    internal static async Task<double> LoadAsync(HttpClient http, string path, List<(byte[] Body, string Signature)> bodies)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bodies[i].Body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(AshbyWebhookSignature.HeaderName, bodies[i].Signature);
                using var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }));
        return bodies.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Ashby-shaped events, each with its own id (so each is stored), signed.</summary>
    internal static List<(byte[] Body, string Signature)> Bodies(string secret, int count, string action) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var body = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["webhookActionId"] = Guid.NewGuid().ToString(),
                ["action"] = action,
                ["data"] = new JsonObject { ["application"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["status"] = "Active" } },
            }.ToJsonString());
            return (body, AshbyWebhookSignature.Sign(body, secret));
        })];

    internal static HttpClient Client(Uri baseUrl) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = Senders, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseUrl };

    /// <summary>A client for the emulator process's Ashby API, signed in with its key (HTTP Basic, key as user name).</summary>
    internal static HttpClient AshbyClient(EmulatorProcess emulator)
    {
        var ashby = Client(emulator.BaseUrl);
        ashby.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.ApiKey + ":")));
        return ashby;
    }

    /// <summary>A client for the hub process's JSON API, with its token.</summary>
    internal static HttpClient HubApi(HubProcess hub)
    {
        var api = Client(hub.BaseUrl);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Token);
        return api;
    }

    /// <summary>Has the emulator send these webhook types to the hub's acme connection, signed with its Secret Token.</summary>
    internal static async Task RegisterWebhooksAsync(HttpClient ashby, HubProcess hub, params string[] types)
    {
        foreach (var type in types)
        {
            using var created = await ashby.PostAsJsonAsync("webhook.create", new { webhookType = type, requestUrl = new Uri(hub.BaseUrl, "/webhooks/ashby/acme").ToString(), secretToken = hub.Secret });
            created.EnsureSuccessStatusCode();
        }
    }

    /// <summary>"what: p50 …, p99 …, max …" against the 1 s target; sorts <paramref name="latencies"/>.</summary>
    internal static string LatencySummary(string what, List<double> latencies)
    {
        latencies.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms (target p99 <= 1,000 ms)");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    internal static int? IntOption(string[] args, string name) =>
        StringOption(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    private static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The bare endpoint in its own process (the bench's <c>webhooks-bare</c> mode), on a free port.</summary>
    private static async Task<ServerProcess> StartBareProcessAsync()
    {
        var url = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])[typeof(WebhookBench).Assembly.Location, "webhooks-bare", url]) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        if (await process.StandardOutput.ReadLineAsync() != "ready") throw new InvalidOperationException("The bare endpoint did not start.");
        return new ServerProcess(process, new Uri(url));
    }

    /// <summary>A server the bench started in its own process: its address and CPU time; killed when disposed.</summary>
    internal class ServerProcess(Process process, Uri baseUrl) : IAsyncDisposable
    {
        public Uri BaseUrl { get; } = baseUrl;

        /// <summary>The process's CPU time so far (user and system, all threads).</summary>
        public TimeSpan ProcessorTime()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        public static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>The hub (<c>Ashbridge.Server.dll</c>) in its own process, connected to the emulator as <c>acme</c>.</summary>
    internal sealed class HubProcess(Process process, Uri baseUrl, string token, string secret, string database) : ServerProcess(process, baseUrl)
    {
        public string Token { get; } = token;

        public string Secret { get; } = secret;

        /// <summary>Waits until the hub has processed every event it stored (reading its database).</summary>
        public async Task ProcessedAsync()
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            var clock = Stopwatch.StartNew();
            while (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_events WHERE state = 'pending'") > 0)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The hub left events pending for 2 minutes; see its dead letters.");
                await Task.Delay(20);
            }
        }

        public static async Task<HubProcess> StartAsync(string folder, EmulatorProcess emulator)
        {
            var server = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Ashbridge.Server", "release", "Ashbridge.Server.dll"));
            if (!File.Exists(server)) throw new FileNotFoundException("Build the server first: dotnet build -c Release src/Ashbridge.Server", server);
            var port = FreePort();
            var database = Path.Combine(folder, "ashbridge.db");
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(server)! };
            start.ArgumentList.Add(server);
            start.Environment["Urls"] = $"http://127.0.0.1:{port}"; // wins over appsettings.json, as ASPNETCORE_URLS does not
            start.Environment["Ashbridge__Database"] = database;
            start.Environment["Ashbridge__Ashby__BaseUrl"] = emulator.BaseUrl.ToString();
            start.Environment["Ashbridge__Ashby__ApiKey"] = emulator.ApiKey;
            start.Environment["Ashbridge__Ashby__ConnectionName"] = "acme";
            start.Environment["Ashbridge__Admin__Email"] = "bench@ashbridge.local";
            start.Environment["Ashbridge__Admin__Password"] = "bench password long enough";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var baseUrl = new Uri($"http://127.0.0.1:{port}/");
            using var probe = new HttpClient { BaseAddress = baseUrl };
            var clock = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if ((await probe.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                }

                await Task.Delay(100);
            }

            // The hub made the admin and the connection at start; a token and the Secret Token come from the same stores.
            await using var db = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(database));
            var admin = (await new UserStore(db, TimeProvider.System).FindAsync("bench@ashbridge.local"))!;
            var (token, _) = await new TokenStore(db, TimeProvider.System).CreateAsync(admin, "bench", null, false);
            using var api = new HttpClient { BaseAddress = baseUrl };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var setup = await api.GetFromJsonAsync<JsonElement>("/api/connections/acme/webhooks");
            await WaitForFirstPassAsync(api);
            return new HubProcess(process, baseUrl, token, setup.GetProperty("secretToken").GetString()!, database);
        }

        private static async Task WaitForFirstPassAsync(HttpClient api)
        {
            while (true)
            {
                var runs = await api.GetFromJsonAsync<JsonElement>("/api/connections/acme/runs");
                if (runs.GetArrayLength() > 0 && runs[0].GetProperty("outcome").GetString() == "succeeded") return;
                await Task.Delay(200);
            }
        }
    }
}
