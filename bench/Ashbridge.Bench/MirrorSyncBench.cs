using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;

namespace Ashbridge.Bench;

/// <summary>
/// The mirror's figures. The emulator runs in its own process and every measured pass in another, fresh one, so the
/// memory figure is the sync's alone: the floor (fetch every page the engine fetches and parse only the paging, after
/// one unmeasured floor pass warms the emulator), a full sync, an incremental sync after 1% of candidates changed, and
/// the peak memory of full syncs at two sizes.
/// </summary>
internal static class MirrorSyncBench
{
    private static readonly string Self = typeof(MirrorSyncBench).Assembly.Location;

    public static async Task<int> RunAsync(string[] args)
    {
        var candidates = IntOption(args, "--candidates") ?? 100_000;
        var latency = IntOption(args, "--latency-ms");
        var memorySizes = (Option(args, "--memory-sizes") ?? "10000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var folder = Directory.CreateTempSubdirectory("ashbridge-bench-").FullName;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; SQLite in {folder}");
        try
        {
            await using (var emulator = await EmulatorProcess.StartAsync(candidates))
            {
                Console.WriteLine($"Emulator: {emulator.Summary}");
                await emulator.ListCandidatesAsync();
                // Unmeasured: the emulator compiles and tiers up its serialisation on the first pass (a cold floor took about
                // 8.5 s where a warm one took 5.5), and every measured pass should meet the same emulator.
                await ChildAsync("floor", emulator, Path.Combine(folder, "floor.db"));
                var emulatorCpu = emulator.CpuTime;
                var floor = await ChildAsync("floor", emulator, Path.Combine(folder, "floor.db"));
                var emulatorFloorCpu = emulator.CpuTime - emulatorCpu;
                var db = Path.Combine(folder, "mirror.db");
                emulatorCpu = emulator.CpuTime;
                var full = await ChildAsync("full", emulator, db);
                var emulatorFullCpu = emulator.CpuTime - emulatorCpu;
                var sqliteAlone = await SqliteAloneAsync(db, Path.Combine(folder, "sqlite-alone.db"));
                var changed = await emulator.ChangeCandidatesAsync(candidates / 100);
                var incremental = await ChildAsync("incremental", emulator, db);
                var warm = await WarmChildAsync(emulator, db, () => emulator.ChangeCandidatesAsync(candidates / 100));
                Console.WriteLine();
                Console.WriteLine($"| pass | candidates | pages | rows written | seconds | CPU seconds of the process in the pass | peak RSS (MB) |");
                Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|");
                foreach (var (name, r) in new[]
                {
                    ("floor (fetch only)", floor), ("full sync", full), ($"incremental ({changed} candidates changed), fresh process as the CLI runs it", incremental),
                    ($"incremental ({changed} candidates changed), warm process as the hub's scheduler runs it", warm),
                })
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {candidates:N0} | {r.Pages:N0} | {r.Rows:N0} | {r.Seconds:F2} | {r.CpuSeconds:F1} | {r.PeakMb:F0} |"));
                }

                Console.WriteLine($"floor by stream: {floor.Breakdown}");
                Console.WriteLine($"full sync by stream: {full.Breakdown}");
                Console.WriteLine($"incremental by stream: {incremental.Breakdown}");
                Console.WriteLine($"warm incremental by stream: {warm.Breakdown}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"full / floor = {full.Seconds / floor.Seconds:F2}× (target ≤ 1.25×); incremental / full = {100 * incremental.Seconds / full.Seconds:F1}% fresh process, {100 * warm.Seconds / full.Seconds:F1}% warm (target ≤ 3%)"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SQLite alone, writing the full sync's rows again from memory (the same schema and settings): {sqliteAlone.Seconds:F2} s, {sqliteAlone.CpuSeconds:F1} CPU-s ({sqliteAlone.Breakdown})"));
                var cores = Environment.ProcessorCount;
                var bound = Math.Max(floor.Seconds, (floor.CpuSeconds + emulatorFloorCpu.TotalSeconds + sqliteAlone.CpuSeconds) / cores);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bound: a sync doing nothing but the floor's work ({floor.CpuSeconds:F1} CPU-s, the emulator {emulatorFloorCpu.TotalSeconds:F1}) and SQLite's ({sqliteAlone.CpuSeconds:F1}), every core busy throughout, takes at least {bound:F2} s = {bound / floor.Seconds:F2}× the floor on {cores} cores; the full sync used {full.CpuSeconds:F1} CPU-s, the emulator {emulatorFullCpu.TotalSeconds:F1}"));
                if (latency is { } ms) await WithLatencyAsync(emulator, ms, folder);
            }

            Console.WriteLine();
            Console.WriteLine("| full sync of | seconds | peak RSS of the sync process (MB) |");
            Console.WriteLine("|---:|---:|---:|");
            foreach (var size in memorySizes)
            {
                await using var emulator = await EmulatorProcess.StartAsync(size);
                var run = await ChildAsync("full", emulator, Path.Combine(folder, $"memory-{size}.db"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} candidates | {run.Seconds:F1} | {run.PeakMb:F0} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The measured process: <c>mirror-child floor|full|incremental|incremental-warm URL KEY DB</c>; prints one JSON line.
    /// <c>incremental-warm</c> first runs an unmeasured pass, prints <c>ready</c> and waits for a line on its input.
    /// </summary>
    public static async Task<int> ChildMainAsync(string[] args)
    {
        var (mode, url, key, dbPath) = (args[1], new Uri(args[2]), args[3], args[4]);
        using var client = new AshbyClient(new AshbyClientOptions { BaseUrl = url, ApiKey = key });
        var clock = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime; // the runtime's start and the client's construction are not the pass
        long pages, rows;
        var breakdown = "";
        if (mode == "floor")
        {
            (pages, rows, breakdown) = await FetchOnlyAsync(client);
        }
        else
        {
            await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(dbPath));
            long connectionId;
            await using (var connection = await database.ConnectAsync())
            {
                connectionId = await connection.ExecuteScalarAsync<long?>("SELECT id FROM connections WHERE name = 'bench'")
                    ?? await connection.ExecuteScalarAsync<long>(
                        "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('bench', @url, 'unused', 0, 0) RETURNING id",
                        new { url = url.ToString() });
            }

            var engine = new SyncEngine(database, TimeProvider.System);
            if (mode == "incremental-warm")
            {
                // As in the hub: the process has run passes before. The parent changes Ashby once this one is done.
                await engine.RunAsync(connectionId, "bench", client, new SyncRequest(SyncMode.Incremental, "warm-up"));
                Console.WriteLine("ready");
                await Console.In.ReadLineAsync();
            }

            clock.Restart(); // the database's opening and migration are not the sync
            cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            var run = await engine.RunAsync(connectionId, "bench", client, new SyncRequest(mode == "full" ? SyncMode.Full : SyncMode.Incremental, "bench"));
            if (run.Outcome != SyncOutcome.Succeeded) throw new InvalidOperationException($"The sync failed: {run.Error}");
            pages = run.Streams.Sum(s => s.Pages);
            rows = run.Streams.Sum(s => s.New + s.Changed);
            breakdown = string.Join(", ", run.Streams.Where(s => s.Duration.TotalSeconds >= 0.05).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stream} {s.Duration.TotalSeconds:F1}s")));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        if (Environment.GetEnvironmentVariable("BENCH_MEMORY_DETAIL") == "1")
        {
            var gc = GC.GetGCMemoryInfo();
            var status = File.ReadLines("/proc/self/status").Where(l => l.StartsWith("Rss", StringComparison.Ordinal) || l.StartsWith("VmHWM", StringComparison.Ordinal));
            await Console.Error.WriteLineAsync($"{string.Join("; ", status)}; GC heap {gc.HeapSizeBytes >> 20} MB, committed {gc.TotalCommittedBytes >> 20} MB, gen2 collections {GC.CollectionCount(2)}");
        }

        Console.WriteLine(JsonSerializer.Serialize(new ChildResult(pages, rows, seconds, PeakRssMb(), breakdown, (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds)));
        return 0;
    }

    /// <summary>The floor: the engine's requests in the engine's order, reading nothing but what paging needs.</summary>
    private static async Task<(long Pages, long Rows, string Breakdown)> FetchOnlyAsync(AshbyClient client)
    {
        long pages = 0, rows = 0;
        var breakdown = new List<string>();
        foreach (var stream in MirrorStreams.All)
        {
            var streamClock = Stopwatch.StartNew();
            if (stream.Fetch == MirrorFetch.PerInterviewPlan)
            {
                var plans = new List<string>();
                await PageAsync(client, "interviewPlan.list", new JsonObject { ["includeArchived"] = true }, r => plans.Add(r.GetProperty("id").GetString()!));
                var inFlight = new Queue<Task<(long, long)>>();
                foreach (var plan in plans)
                {
                    // As many plans at once as the engine asks for, read in plan order.
                    if (inFlight.Count == StreamPass.PlansInFlight) (pages, rows) = Add(pages, rows, await inFlight.Dequeue());
                    inFlight.Enqueue(PageAsync(client, stream.Endpoint, new JsonObject { ["interviewPlanId"] = plan }, null, paged: false));
                }

                while (inFlight.Count > 0) (pages, rows) = Add(pages, rows, await inFlight.Dequeue());
            }
            else
            {
                (pages, rows) = Add(pages, rows, await PageAsync(client, stream.Endpoint, stream.NewRequestBody(), null, stream.Fetch == MirrorFetch.Paged));
            }

            if (streamClock.Elapsed.TotalSeconds >= 0.05) breakdown.Add(string.Create(CultureInfo.InvariantCulture, $"{stream.Name} {streamClock.Elapsed.TotalSeconds:F1}s"));
        }

        return (pages, rows, string.Join(", ", breakdown));

        static (long, long) Add(long pages, long rows, (long Pages, long Rows) more) => (pages + more.Pages, rows + more.Rows);
    }

    private static async Task<(long Pages, long Rows)> PageAsync(AshbyClient client, string endpoint, JsonObject body, Action<JsonElement>? each, bool paged = true)
    {
        long pages = 0, rows = 0;
        string? cursor = null;
        do
        {
            var request = (JsonObject)body.DeepClone();
            if (paged) request["limit"] = 100;
            if (cursor is not null) request["cursor"] = cursor;
            var envelope = await client.SendRawEnvelopeAsync(endpoint, request, null, CancellationToken.None); // as the engine sends them
            using var document = JsonDocument.Parse(envelope);
            var root = document.RootElement;
            foreach (var row in root.GetProperty("results").EnumerateArray())
            {
                rows++;
                each?.Invoke(row);
            }

            pages++;
            cursor = paged && root.TryGetProperty("moreDataAvailable", out var more) && more.GetBoolean() ? root.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);
        return (pages, rows);
    }

    private static async Task<ChildResult> ChildAsync(string mode, EmulatorProcess emulator, string db)
    {
        var output = await ProcessRunner.RunAsync("dotnet", [Self, "mirror-child", mode, emulator.BaseUrl.ToString(), emulator.ApiKey, db]);
        return JsonSerializer.Deserialize<ChildResult>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>
    /// The floor and a full sync again with every request delayed by the emulator, as a network would: against Ashby a
    /// page is a round trip away, and the sync's writing goes on while it travels. Not run by default (a 10 ms delay
    /// adds about two minutes at 100k candidates).
    /// </summary>
    private static async Task WithLatencyAsync(EmulatorProcess emulator, int ms, string folder)
    {
        await emulator.SetFaultsAsync(string.Create(CultureInfo.InvariantCulture, $"latency={ms}ms"));
        var floor = await ChildAsync("floor", emulator, Path.Combine(folder, "floor.db"));
        var full = await ChildAsync("full", emulator, Path.Combine(folder, "latency.db"));
        await emulator.SetFaultsAsync("none");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"with {ms} ms of latency per request: floor {floor.Seconds:F1} s ({floor.Breakdown}); full sync {full.Seconds:F1} s ({full.Breakdown}) = {full.Seconds / floor.Seconds:F2}× the floor"));
    }

    /// <summary>SQLite's own share of the full sync (see <see cref="SqliteAlone"/>), in a process of its own.</summary>
    private static async Task<ChildResult> SqliteAloneAsync(string source, string target)
    {
        var output = await ProcessRunner.RunAsync("dotnet", [Self, "mirror-sqlite-alone", source, target]);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(target)!, Path.GetFileName(target) + "*")) File.Delete(file);
        return JsonSerializer.Deserialize<ChildResult>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>An incremental pass in a process that has already run one; <paramref name="change"/> changes Ashby in between.</summary>
    private static async Task<ChildResult> WarmChildAsync(EmulatorProcess emulator, string db, Func<Task<int>> change)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        CollectAsTheCli(start);
        foreach (var arg in (string[])[Self, "mirror-child", "incremental-warm", emulator.BaseUrl.ToString(), emulator.ApiKey, db]) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line && line != "ready")
        {
        }

        await change();
        await process.StandardInput.WriteLineAsync("go");
        await process.StandardInput.FlushAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the warm incremental failed: {await stderr}");
        return JsonSerializer.Deserialize<ChildResult>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>The process's peak resident set (VmHWM), in MB.</summary>
    internal static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int? IntOption(string[] args, string name) => Option(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    internal sealed record ChildResult(long Pages, long Rows, double Seconds, double PeakMb, string Breakdown, double CpuSeconds);

    /// <summary>
    /// A measured pass runs as <c>ashbridge sync</c> does, with the server collector (see Ashbridge.Cli.csproj); the bench's
    /// own process keeps the workstation one, so the webhook bench's bare endpoint and the emulator are as they were.
    /// </summary>
    private static void CollectAsTheCli(ProcessStartInfo start) => start.Environment["DOTNET_gcServer"] = "1";

    private static class ProcessRunner
    {
        public static async Task<string> RunAsync(string file, IEnumerable<string> args)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            CollectAsTheCli(start);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)} failed: {await stderr}");
            await Console.Error.WriteAsync(await stderr); // BENCH_MEMORY_DETAIL's report, when asked for
            return await stdout;
        }
    }
}
