using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ashbridge.Emulator;
using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Bench;

/// <summary>
/// The emulator's figures: generation time and memory at 100k and 1M candidates, and the cost of serving a page of
/// 100 candidates (over loopback HTTP, in the handler alone, and the serialization alone).
/// </summary>
internal static class EmulatorBench
{
    private const int Requests = 3_000;

    public static async Task<int> RunAsync(int? candidates)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC}");
        // Page cost first, in a fresh process, so the garbage of a million-candidate generation does not colour it.
        await PageCostAsync(candidates is { } c && c <= 100_000 ? c : 100_000);
        var sizes = candidates is { } n ? [n] : new[] { 100_000, 1_000_000 };
        foreach (var size in sizes)
        {
            GC.Collect();
            Generation(size);
        }

        return 0;
    }

    private static void Generation(int candidates)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var org = OrganizationGenerator.Generate(1, OrganizationSize.Parse(candidates.ToString(CultureInfo.InvariantCulture)));
        clock.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generate {candidates,9:N0} candidates: {clock.Elapsed.TotalSeconds,6:F2} s; {org.Applications.Count:N0} applications, {org.Jobs.Count:N0} jobs, {org.Offers.Count:N0} offers, {org.Users.Count:N0} users; managed {(after - before) / 1048576.0:N0} MiB; peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MiB"));
        GC.KeepAlive(org);
    }

    private static async Task PageCostAsync(int candidates)
    {
        var options = new EmulatorOptions { Size = candidates.ToString(CultureInfo.InvariantCulture) };
        await using var host = await EmulatorHost.StartAsync(options);
        var services = host.Services;
        var org = services.Org;

        // 1. Serialization alone: 100 candidates into a buffer.
        var buffer = new ArrayBufferWriter<byte>(256 * 1024);
        var serialize = Measure(Requests, i =>
        {
            buffer.ResetWrittenCount();
            using var w = new Utf8JsonWriter(buffer, JsonOutput.Options);
            w.WriteStartArray();
            var start = i * 100 % (org.Candidates.Count - 100);
            for (var k = 0; k < 100; k++) CandidateJson.Candidate(w, org.Candidates[start + k], Viewer.Everything);
            w.WriteEndArray();
        });
        Report("serialize 100 candidates (Utf8JsonWriter only)", serialize, $"{buffer.WrittenCount / 1024.0:N0} KiB per page");

        // 2. The handler: body parse, paging, filtering, envelope, cursor — what the server does apart from Kestrel.
        var table = AshbyApi.CreateTable();
        var endpoint = table.Find("candidate.list")!;
        var key = services.Keys.Find(host.DemoApiKey)!;
        var cursors = FirstCursors(services, endpoint, key, 40);
        var handler = Measure(Requests, i =>
        {
            var body = cursors[i % cursors.Count];
            using var document = JsonDocument.Parse(body);
            using var call = new AshbyCall("candidate.list", document.RootElement, key, services);
            org.Gate.EnterReadLock();
            try
            {
                endpoint.Handler!(call);
            }
            finally
            {
                org.Gate.ExitReadLock();
            }

            _ = call.Output;
        });
        Report("candidate.list handler, 100 per page", handler, "");

        // 3. Over loopback HTTP, end to end (client + Kestrel + handler).
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(host.DemoApiKey + ":")));
        var payloads = cursors.Select(c => Encoding.UTF8.GetBytes(c)).ToArray();
        for (var i = 0; i < 200; i++) await PostAsync(http, payloads[i % payloads.Length]);
        var samples = new double[Requests];
        var server = new double[Requests];
        for (var i = 0; i < Requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            server[i] = await PostAsync(http, payloads[i % payloads.Length]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Report("candidate.list over loopback HTTP, server-side (Server-Timing)", server, "");
        Report("candidate.list over loopback HTTP, client round trip", samples, "");
    }

    /// <summary>Posts one page request; returns the server's own handling time from its Server-Timing header.</summary>
    private static async Task<double> PostAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri("candidate.list", UriKind.Relative), content);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length < 1000) throw new InvalidOperationException(Encoding.UTF8.GetString(bytes));
        var timing = response.Headers.GetValues("Server-Timing").Single();
        return double.Parse(timing[(timing.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Request bodies for the first pages of a full pass (page 1 and its followers' cursors).</summary>
    private static List<string> FirstCursors(EmulatorServices services, AshbyEndpoint endpoint, ApiKey key, int pages)
    {
        var bodies = new List<string> { """{"limit":100}""" };
        while (bodies.Count < pages)
        {
            using var document = JsonDocument.Parse(bodies[^1]);
            using var call = new AshbyCall("candidate.list", document.RootElement, key, services);
            services.Org.Gate.EnterReadLock();
            try
            {
                endpoint.Handler!(call);
            }
            finally
            {
                services.Org.Gate.ExitReadLock();
            }

            using var page = JsonDocument.Parse(call.Output);
            bodies.Add($$"""{"limit":100,"cursor":"{{page.RootElement.GetProperty("nextCursor").GetString()}}"}""");
        }

        return bodies;
    }

    private static double[] Measure(int count, Action<int> action)
    {
        for (var i = 0; i < 300; i++) action(i);
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return samples;
    }

    private static void Report(string what, double[] samples, string extra)
    {
        extra += string.Create(CultureInfo.InvariantCulture, $" (gen0/1/2 collections so far: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)})");
        Array.Sort(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {samples[samples.Length / 2]:F3} ms, p99 {samples[(int)(samples.Length * 0.99)]:F3} ms over {samples.Length:N0} {extra}"));
    }
}
