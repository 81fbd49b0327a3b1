using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Dedupe.Batches;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Bench;

/// <summary>
/// A batch of N prospects (10,000 by default; one in ten is a candidate already in Ashby, typed as a sourcer would)
/// end to end against the emulator: read and planned from the mirror, then run through the connection's writes, in rows
/// per second. Against it, the same shape of rows sent one by one with no mirror, as Gem does: per prospect a
/// <c>candidate.search</c> by email, then a <c>candidate.create</c> when Ashby has none, through the same shared client.
/// </summary>
internal static class DedupeBatchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "10000", CultureInfo.InvariantCulture);
        var candidates = int.Parse(Option(args, "--candidates") ?? "5000", CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("ashbridge-dedupe-batch-bench-").FullName;
        try
        {
            await using var emulator = await EmulatorProcess.StartAsync(candidates);
            Console.WriteLine($"emulator: {emulator.Summary}");
            await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Path.Combine(folder, "bench.db")));
            await using var services = new ServiceCollection().AddLogging().AddAshbridgeMirror(database).BuildServiceProvider();
            var connection = await services.GetRequiredService<ConnectionStore>().AddAsync("bench", emulator.BaseUrl, emulator.ApiKey);
            var client = await services.GetRequiredService<AshbyClientPool>().GetClientAsync(connection);
            var clock = Stopwatch.StartNew();
            var sync = await new SyncEngine(database, TimeProvider.System).RunAsync(connection.Id, "bench", client, new SyncRequest(SyncMode.Full, "bench", [MirrorStreams.Candidates.Name, MirrorStreams.Jobs.Name]));
            if (sync.Outcome != SyncOutcome.Succeeded) throw new InvalidOperationException($"The sync failed: {sync.Error}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mirror: full sync of {candidates:N0} candidates in {clock.Elapsed.TotalSeconds:F1} s"));

            var known = new List<(string Name, string Email)>();
            await foreach (var c in client.Candidates.EnumerateAsync())
            {
                if (c.PrimaryEmailAddress?.Value is { } email && c.Name.Split(' ') is { Length: 2 }) known.Add((c.Name, email));
                if (known.Count >= rows / 10) break;
            }

            // The batch, end to end: read, plan (the dry run), run.
            var file = File(rows, known, "batch");
            var batches = services.GetRequiredService<DedupeBatches>();
            var runner = services.GetRequiredService<DedupeBatchRunner>();
            clock.Restart();
            var batch = await batches.CreateAsync(connection.Id, "bench.csv", file, null, "bench");
            var planned = clock.Elapsed.TotalSeconds;
            var run = await runner.RunAsync(batch.Id);
            var total = clock.Elapsed.TotalSeconds;
            if (run.State != DedupeBatchState.Finished) throw new InvalidOperationException($"The batch stopped: {run.Error}");
            batch = (await batches.FindAsync(batch.Id))!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch of {rows:N0} rows: planned in {planned:F1} s ({rows / planned:N0} rows/s: {string.Join(", ", batch.Planned.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}), run in {total - planned:F1} s; end to end {total:F1} s = {rows / total:N0} rows/s ({string.Join(", ", batch.Outcomes.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))})"));

            // Where the run's time goes: ProspectWrites.UploadAsync alone (its checks, live search, create and audit), per row.
            var writes = services.GetRequiredService<Ashbridge.Core.Dedupe.ProspectWrites>();
            clock.Restart();
            for (var i = 0; i < 100; i++)
            {
                await writes.UploadAsync(connection.Id, new Ashbridge.Core.Dedupe.ProspectUpload(new($"Direct{i:D3}", "Upload", [$"direct.{i:D3}@prospects.example"])));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ProspectWrites.UploadAsync alone: {clock.Elapsed.TotalMilliseconds / 100:F1} ms per prospect"));

            // One by one with no mirror, as Gem does: search Ashby by email, create when it has none.
            var lines = Encoding.UTF8.GetString(File(rows, known, "single")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
            int created = 0, found = 0;
            clock.Restart();
            foreach (var cells in lines)
            {
                var hits = await client.SendRawAsync("candidate.search", new JsonObject { ["email"] = cells[2] });
                if (hits.GetArrayLength() > 0)
                {
                    found++;
                    continue;
                }

                await client.SendRawAsync("candidate.create", new JsonObject { ["name"] = $"{cells[0]} {cells[1]}", ["email"] = cells[2] });
                created++;
            }

            var single = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one by one, no mirror: {rows:N0} rows in {single:F1} s = {rows / single:N0} rows/s (created {created}, found {found})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"emulator CPU: {emulator.CpuTime.TotalSeconds:F1} s"));
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a SQLite file still closing; the temp folder is cleaned by the OS
            }
        }
    }

    /// <summary>A CSV of prospects: every tenth a known candidate (name, email in upper case), the rest new, unique per <paramref name="tag"/>.</summary>
    private static byte[] File(int rows, List<(string Name, string Email)> known, string tag)
    {
        var csv = new StringBuilder("First name,Last name,Email\n");
        for (var i = 0; i < rows; i++)
        {
            if (i % 10 == 0 && known.Count > 0)
            {
                var (name, email) = known[(i / 10) % known.Count];
                var parts = name.Split(' ');
                csv.Append(CultureInfo.InvariantCulture, $"{parts[0]},{parts[1]},{email.ToUpperInvariant()}\n");
            }
            else
            {
                csv.Append(CultureInfo.InvariantCulture, $"Bench{i:D5},Prospect{tag},bench.{tag}.{i:D5}@prospects.example\n");
            }
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
