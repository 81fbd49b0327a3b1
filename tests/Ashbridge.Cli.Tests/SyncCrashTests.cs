using System.Diagnostics;
using System.Net.Http.Json;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Emulator;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Cli.Tests;

/// <summary>
/// <c>ashbridge sync</c> in a child process, killed with SIGKILL at random points of a full and of an incremental pass,
/// then resumed: the mirror must equal Ashby exactly, and no row may have been counted new twice.
/// </summary>
public sealed class SyncCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sync_killed_at_random_points_resumes_to_exactly_what_ashby_holds(DatabaseProvider provider)
    {
        var random = new Random(provider == DatabaseProvider.Sqlite ? 17 : 29); // seeded: a failure replays
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 8, Size = "3000" }, ct: Ct);
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var store = new ConnectionStore(test.Database, SecretProtector.ForDataFolder(test.Location.DataFolder), TimeProvider.System);
        var connection = await store.AddAsync("acme", emulator.BaseUrl, emulator.DemoApiKey, Ct);
        var child = new SyncProcess(test);

        // The first full pass, killed four times at growing, random page counts.
        for (var kill = 0; kill < 4; kill++)
        {
            var target = await PagesCommittedAsync(test.Database) + random.Next(1, 20);
            (await child.RunUntilAsync(() => PagesCommittedAsync(test.Database), target)).ShouldBeNull("the pass ended before the kill point");
        }

        (await child.RunUntilAsync(null, 0)).ShouldBe(0, child.LastOutput);
        (await OutcomesAsync(test.Database)).ShouldBe(["interrupted", "interrupted", "interrupted", "interrupted", "succeeded"]);
        await AssertNothingCountedTwiceAsync(test.Database, connection.Id);
        await using (var db = await test.Database.ConnectAsync(Ct))
        {
            // Indexes a killed first pass had set aside were rebuilt by the pass that finished.
            (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM mirror_deferred_indexes")).ShouldBe(0);
        }

        using var oracle = new MirrorOracle(emulator.BaseUrl, emulator.DemoApiKey);
        await oracle.AssertMirrorEqualsAshbyAsync(test.Database, connection.Id);

        // Changes in Ashby, then an incremental pass killed once (wherever it has got to), then resumed.
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var ids = (await MirrorOracle.MirrorRowsAsync(test.Database, connection.Id, MirrorStreams.Candidates)).Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < 300; i++)
        {
            using var edit = await http.PostAsJsonAsync($"_emulator/candidates/{ids[random.Next(ids.Count)]}/edit", new { company = $"Company {i}" }, Ct);
            edit.EnsureSuccessStatusCode();
        }

        using (var deleted = await http.PostAsJsonAsync($"_emulator/candidates/{ids[random.Next(ids.Count)]}/delete", new { }, Ct)) deleted.EnsureSuccessStatusCode();
        var incrementalTarget = await PagesCommittedAsync(test.Database) + random.Next(1, 3);
        await child.RunUntilAsync(() => PagesCommittedAsync(test.Database), incrementalTarget);
        (await child.RunUntilAsync(null, 0)).ShouldBe(0, child.LastOutput);
        // A deletion reaches an incremental mirror only through webhooks or the full repair pass: run it as the scheduler would.
        (await child.RunUntilAsync(null, 0, "--full")).ShouldBe(0, child.LastOutput);
        await oracle.AssertMirrorEqualsAshbyAsync(test.Database, connection.Id);
    }

    /// <summary>Pages committed by every run so far (each page and its count commit in one transaction).</summary>
    private static async Task<long> PagesCommittedAsync(AshbridgeDatabase database)
    {
        await using var connection = await database.ConnectAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(pages), 0) FROM sync_run_streams");
    }

    private static async Task<List<string>> OutcomesAsync(AshbridgeDatabase database)
    {
        await using var connection = await database.ConnectAsync(Ct);
        return (await connection.QueryAsync<string>("SELECT outcome FROM sync_runs ORDER BY id")).ToList();
    }

    /// <summary>Over the killed runs and the one that finished, each stored row was counted new exactly once.</summary>
    private static async Task AssertNothingCountedTwiceAsync(AshbridgeDatabase database, long connectionId)
    {
        await using var connection = await database.ConnectAsync(Ct);
        foreach (var stream in MirrorStreams.All)
        {
            var counted = await connection.ExecuteScalarAsync<long>(
                "SELECT COALESCE(SUM(s.new_count), 0) FROM sync_run_streams s JOIN sync_runs r ON r.id = s.run_id WHERE r.connection_id = @connectionId AND s.stream = @stream",
                new { connectionId, stream = stream.Name });
            var stored = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {stream.Table} WHERE connection_id = @connectionId", new { connectionId });
            counted.ShouldBe(stored, stream.Name);
        }
    }

    /// <summary>Runs <c>ashbridge sync --connection acme</c> as a separate process on the test's database.</summary>
    private sealed class SyncProcess(TestDatabase test)
    {
        public string LastOutput { get; private set; } = "";

        /// <summary>
        /// Starts a sync; when <paramref name="progress"/> reaches <paramref name="killAt"/>, kills it with SIGKILL and
        /// returns null; otherwise returns its exit code. The progress is polled every few milliseconds.
        /// </summary>
        public async Task<int?> RunUntilAsync(Func<Task<long>>? progress, long killAt, params string[] more)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "ashbridge.dll"), "sync", "--connection", "acme", "--json", .. more])
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment[DatabaseLocation.EnvironmentVariable] = test.Location.ConnectionString;
            start.Environment[DatabaseLocation.DataFolderVariable] = test.Location.DataFolder; // the key ring, for PostgreSQL
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(Ct);
            var stderr = process.StandardError.ReadToEndAsync(Ct);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            deadline.CancelAfter(TimeSpan.FromMinutes(3));
            var exited = process.WaitForExitAsync(deadline.Token);
            if (progress is not null)
            {
                using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
                while (!exited.IsCompleted)
                {
                    if (await progress() >= killAt)
                    {
                        process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush, no goodbye
                        await process.WaitForExitAsync(Ct);
                        LastOutput = await stdout + await stderr;
                        return null;
                    }

                    await poll.WaitForNextTickAsync(deadline.Token);
                }
            }

            await exited;
            LastOutput = await stdout + await stderr;
            return process.ExitCode;
        }
    }
}
