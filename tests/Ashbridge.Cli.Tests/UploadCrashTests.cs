using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Emulator;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Cli.Tests;

/// <summary>
/// <c>ashbridge upload</c> in a child process, killed with SIGKILL mid-batch, then run again with the same file: the
/// batch resumes, finishes the rest, and Ashby holds every prospect exactly once.
/// </summary>
public sealed class UploadCrashTests
{
    private const int Rows = 400;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_killed_mid_run_resumes_from_the_same_file_and_creates_no_duplicate(DatabaseProvider provider)
    {
        var random = new Random(provider == DatabaseProvider.Sqlite ? 41 : 43); // seeded: a failure replays
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 5, Size = "small" }, ct: Ct);
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var store = new ConnectionStore(test.Database, SecretProtector.ForDataFolder(test.Location.DataFolder), TimeProvider.System);
        await store.AddAsync("acme", emulator.BaseUrl, emulator.DemoApiKey, Ct);
        var file = Path.Combine(test.Folder, "prospects.csv");
        var csv = new StringBuilder("First name,Last name,Email\n");
        for (var i = 0; i < Rows; i++) csv.Append(CultureInfo.InvariantCulture, $"Prospect,Crash{i:D4},crash{i:D4}@kill.example\n");
        await File.WriteAllTextAsync(file, csv.ToString(), Ct);
        using var ashby = new AshbyClient(new AshbyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.DemoApiKey });
        var before = await CandidateCountAsync(emulator);

        // Killed twice at random points of the run, each time with rows done and rows left.
        for (var kill = 0; kill < 2; kill++)
        {
            var target = await DoneAsync(test.Database) + random.Next(20, 120);
            var (killed, output) = await RunUntilAsync(test, file, () => DoneAsync(test.Database), target);
            killed.ShouldBeNull($"the batch ended before the kill point: {output}");
        }

        var done = await DoneAsync(test.Database);
        done.ShouldBeInRange(40, Rows - 1);
        var (exit, last) = await RunUntilAsync(test, file, null, 0);
        exit.ShouldBe(0, last);
        last.ShouldContain("Resuming batch 1");

        await using (var db = await test.Database.ConnectAsync(Ct))
        {
            (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dedupe_batches")).ShouldBe(1);
            (await db.QueryAsync<string>("SELECT DISTINCT outcome FROM dedupe_batch_rows")).ShouldBe([BatchOutcomeCreated]);
        }

        (await CandidateCountAsync(emulator)).ShouldBe(before + Rows);
        for (var i = 0; i < Rows; i++)
        {
            var found = await ashby.SendRawAsync("candidate.search", new JsonObject { ["email"] = $"crash{i:D4}@kill.example" }, null, Ct);
            found.GetArrayLength().ShouldBe(1, $"crash{i:D4}@kill.example");
        }
    }

    private const string BatchOutcomeCreated = "created";

    /// <summary>How many candidates the emulator holds (its control API's summary).</summary>
    private static async Task<long> CandidateCountAsync(EmulatorHost emulator)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var summary = JsonNode.Parse(await http.GetStringAsync(new Uri("_emulator/summary", UriKind.Relative), Ct))!;
        return summary["counts"]!["candidates"]!.GetValue<long>();
    }

    private static async Task<long> DoneAsync(AshbridgeDatabase database)
    {
        await using var connection = await database.ConnectAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dedupe_batch_rows WHERE state = 'done'");
    }

    /// <summary>Runs <c>ashbridge upload FILE --connection acme</c>; killed with SIGKILL once <paramref name="progress"/> reaches <paramref name="killAt"/> (exit code null).</summary>
    private static async Task<(int? ExitCode, string Output)> RunUntilAsync(TestDatabase test, string file, Func<Task<long>>? progress, long killAt)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "ashbridge.dll"), "upload", file, "--connection", "acme"]) start.ArgumentList.Add(arg);
        start.Environment[DatabaseLocation.EnvironmentVariable] = test.Location.ConnectionString;
        start.Environment[DatabaseLocation.DataFolderVariable] = test.Location.DataFolder;
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
                    return (null, await stdout + await stderr);
                }

                await poll.WaitForNextTickAsync(deadline.Token);
            }
        }

        await exited;
        return (process.ExitCode, await stdout + await stderr);
    }
}
