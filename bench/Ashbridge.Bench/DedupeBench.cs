using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ashbridge.Ashby;
using Ashbridge.Core.Dedupe;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;

namespace Ashbridge.Bench;

/// <summary>
/// The duplicate check against a mirror of N candidates (100,000 by default) that the emulator generates: the candidates
/// synced into SQLite (or PostgreSQL with <c>--postgres</c>), the index built once, then 1,000 prospects checked one by
/// one (half are candidates, typed as a sourcer would, half are not but share names with candidates), with p50/p99.
/// </summary>
internal static class DedupeBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var candidates = int.Parse(Option(args, "--candidates") ?? "100000", CultureInfo.InvariantCulture);
        var prospectCount = int.Parse(Option(args, "--prospects") ?? "1000", CultureInfo.InvariantCulture);
        var postgres = Option(args, "--postgres");
        var kept = Option(args, "--sqlite");
        var folder = Directory.CreateTempSubdirectory("ashbridge-dedupe-bench-").FullName;
        try
        {
            var location = postgres is not null ? DatabaseLocation.Parse(postgres)
                : DatabaseLocation.SqliteFileAt(kept is null ? Path.Combine(folder, "bench.db") : Path.GetFullPath(kept));
            await using var database = await AshbridgeDatabase.OpenAsync(location);
            using var index = new CandidateMatchIndex(database, TimeProvider.System);
            var connectionId = await KeptConnectionAsync(database, candidates);
            if ((kept ?? postgres) is not null && connectionId is not null)
            {
                Console.WriteLine($"mirror and index of {candidates:N0} candidates kept in {(kept ?? "the PostgreSQL database")}: sync and build skipped");
            }
            else
            {
                connectionId = await SyncAndBuildAsync(database, index, candidates);
            }

            var prospects = await ProspectsAsync(database, connectionId.Value, prospectCount);
            var check = new DuplicateCheck(database, index);
            // Warm-up, as a hub that has been running is warm: the JIT's tiers (after 100 checks Dapper's readers and the
            // name comparison were still half-optimised: p50 1.5 ms higher at a million candidates) and the file in the
            // OS page cache. The prospects are checked in the same order again when timed.
            GC.Collect(); // the sync's, the build's and the prospects' garbage is not the checks'
            GC.WaitForPendingFinalizers();
            var warmUp = int.Parse(Option(args, "--warm-up") ?? "1000", CultureInfo.InvariantCulture);
            for (var i = 0; i < warmUp; i++) await check.CheckAsync(connectionId.Value, prospects[i % prospects.Count].Prospect);

            var times = new List<double>(prospects.Count);
            int knownFound = 0, knownCount = 0, unknownMatched = 0;
            long matchCount = 0;
            foreach (var (prospect, expected) in prospects)
            {
                var started = Stopwatch.GetTimestamp();
                var matches = await check.CheckAsync(connectionId.Value, prospect);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                matchCount += matches.Count;
                if (expected is not null)
                {
                    knownCount++;
                    if (matches.Count > 0 && matches[0].CandidateId == expected) knownFound++;
                }
                else if (matches.Any(m => m.Score >= 80))
                {
                    unknownMatched++;
                }
            }

            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"checks: {times.Count:N0} on {(postgres is null ? "SQLite" : "PostgreSQL")}, p50 {At(0.5):F2} ms, p90 {At(0.9):F2} ms, p99 {At(0.99):F2} ms, max {times[^1]:F2} ms, mean {times.Average():F2} ms"));
            Console.WriteLine($"known prospects found first: {knownFound}/{knownCount}; unknown prospects with a match scoring 80+: {unknownMatched}/{times.Count - knownCount}; matches per check {(double)matchCount / times.Count:F1}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The bench connection of a kept file whose index covers <paramref name="candidates"/> candidates, if there is one.</summary>
    private static async Task<long?> KeptConnectionAsync(AshbridgeDatabase database, int candidates)
    {
        await using var db = await database.ConnectAsync();
        return await db.ExecuteScalarAsync<long?>(
            """
            SELECT c.id FROM connections c JOIN candidate_match_state s ON s.connection_id = c.id
            WHERE c.name = 'dedupe-bench' AND (SELECT COUNT(*) FROM mirror_candidates m WHERE m.connection_id = c.id) = @candidates
            """, new { candidates });
    }

    /// <summary>Starts an emulator of <paramref name="candidates"/> candidates, syncs them into a new bench connection and builds its index.</summary>
    private static async Task<long> SyncAndBuildAsync(AshbridgeDatabase database, CandidateMatchIndex index, int candidates)
    {
        await using var emulator = await EmulatorProcess.StartAsync(candidates);
        Console.WriteLine($"emulator: {emulator.Summary}");
        long connectionId;
        await using (var db = await database.ConnectAsync())
        {
            await db.ExecuteAsync("DELETE FROM connections WHERE name = 'dedupe-bench'");
            connectionId = await db.ExecuteScalarAsync<long>(
                "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('dedupe-bench', @url, 'unused', 0, 0) RETURNING id",
                new { url = emulator.BaseUrl.ToString() });
        }

        using var client = new AshbyClient(new AshbyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        var clock = Stopwatch.StartNew();
        var run = await new SyncEngine(database, TimeProvider.System).RunAsync(connectionId, "dedupe-bench", client, new SyncRequest(SyncMode.Full, "bench", [MirrorStreams.Candidates.Name]));
        if (run.Outcome != SyncOutcome.Succeeded) throw new InvalidOperationException($"The sync failed: {run.Error}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full sync of candidates: {clock.Elapsed.TotalSeconds:F1} s"));

        // How much of the build is reading the keys out of the candidates' JSON (no database writes).
        clock.Restart();
        long readKeys = 0;
        await using (var db = await database.ConnectAsync())
        {
            foreach (var raw in await db.QueryAsync<string>("SELECT raw_json FROM mirror_candidates WHERE connection_id = @connectionId", new { connectionId }))
            {
                using var json = JsonDocument.Parse(raw);
                readKeys += CandidateKeys.Read(json.RootElement).Count;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"keys read from JSON alone: {readKeys:N0} in {clock.Elapsed.TotalSeconds:F1} s"));
        clock.Restart();
        var keyed = await index.RefreshAsync(connectionId, everything: true);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        long keys;
        await using (var db = await database.ConnectAsync())
        {
            keys = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM candidate_match_keys WHERE connection_id = @connectionId", new { connectionId });
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index built: {keyed:N0} candidates, {keys:N0} keys in {buildSeconds:F1} s ({keyed / buildSeconds:N0} candidates/s)"));
        return connectionId;
    }

    /// <summary>
    /// Half known: a candidate's name (upper case), its primary email with a +tag, and its LinkedIn on a locale
    /// sub-domain or its phone. Half unknown: one candidate's first name with another's last name and an address nobody has.
    /// </summary>
    private static async Task<List<(DuplicateProspect Prospect, string? Expected)>> ProspectsAsync(AshbridgeDatabase database, long connectionId, int count)
    {
        await using var db = await database.ConnectAsync();
        var total = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM mirror_candidates WHERE connection_id = @connectionId", new { connectionId });
        var step = Math.Max(1, (int)(total / count));
        // Every step-th candidate by id; only their JSON is read (all of it was 4 GB of strings at a million candidates,
        // whose collection later ran into the timed checks).
        var chosen = (await db.QueryAsync<string>(
            "SELECT id FROM mirror_candidates WHERE connection_id = @connectionId AND deleted_ms IS NULL ORDER BY id", new { connectionId }))
            .Where((_, i) => i % step == 0).Take(count).ToList();
        var rawJson = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in chosen.Chunk(500))
        {
            var parameters = new DynamicParameters(new { connectionId });
            var ids = SqlList.In(parameters, "id", page);
            foreach (var (id, raw) in await db.QueryAsync<(string Id, string Json)>(
                $"SELECT id, raw_json FROM mirror_candidates WHERE connection_id = @connectionId AND id IN ({ids})", parameters))
            {
                rawJson[id] = raw;
            }
        }

        var rows = chosen.ConvertAll(id => (Id: id, Json: rawJson[id]));
        var random = new Random(11);
        var prospects = new List<(DuplicateProspect, string?)>(count);
        for (var i = 0; i < rows.Count; i++)
        {
            using var json = JsonDocument.Parse(rows[i].Json);
            var c = json.RootElement;
            var name = c.GetProperty("name").GetString()!.Split(' ');
            if (i % 2 == 0)
            {
                var email = c.TryGetProperty("primaryEmailAddress", out var e) ? e.GetProperty("value").GetString()! : null;
                var tagged = email?.Replace("@", "+gem@", StringComparison.Ordinal);
                var linkedIn = c.GetProperty("socialLinks").EnumerateArray().Select(l => l.GetProperty("url").GetString()!).FirstOrDefault(u => u.Contains("linkedin", StringComparison.Ordinal));
                var phone = c.GetProperty("phoneNumbers").EnumerateArray().Select(p => p.GetProperty("value").GetString()!).FirstOrDefault();
                prospects.Add((new DuplicateProspect(name[0].ToUpperInvariant(), name[^1], tagged is null ? [] : [tagged],
                    linkedIn is null && phone is not null ? [phone] : [], linkedIn is null ? [] : [linkedIn.Replace("www.", "uk.", StringComparison.Ordinal)]), rows[i].Id));
            }
            else
            {
                using var other = JsonDocument.Parse(rows[random.Next(rows.Count)].Json);
                var otherLast = other.RootElement.GetProperty("name").GetString()!.Split(' ')[^1];
                prospects.Add((new DuplicateProspect(name[0], otherLast, [$"prospect{i}@nowhere.example"], [], [$"https://www.linkedin.com/in/prospect-{i}"]), null));
            }
        }

        return prospects;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
