using System.Text.Json;
using Ashbridge.Emulator;
using Ashbridge.Testing;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary>An emulator with a full key and one that may read candidates only.</summary>
public sealed class ConnectionEmulator : EmulatorFixture
{
    public const string FullKey = "cli-connection-full-key-5d1e";
    public const string CandidatesOnlyKey = "cli-connection-candidates-only";

    protected override IReadOnlyList<EmulatorKey> Keys =>
    [
        EmulatorKey.Full(FullKey),
        new(CandidatesOnlyKey, "Candidates only", ["apiKeysRead", "candidatesRead"]),
    ];
}

/// <summary>The connection, sync and status verbs in-process, on a SQLite file per test (the keys folder beside it).</summary>
public sealed class ConnectionAndSyncCommandTests(ConnectionEmulator emulator) : IClassFixture<ConnectionEmulator>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-").FullName;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    private Task<(int ExitCode, string Output)> Add(string name, string key) =>
        Run("connection", "add", "--name", name, "--api-key", key, "--base-url", emulator.BaseUrl.ToString());

    [Fact]
    public async Task Adding_a_connection_prints_the_preflight_and_never_the_key()
    {
        var (exitCode, output) = await Add("acme", ConnectionEmulator.FullKey);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Added connection 'acme'");
        output.ShouldContain("candidate.list");
        output.ShouldContain("Confidential jobs: visible");
        output.ShouldNotContain(ConnectionEmulator.FullKey);
        var (_, list) = await Run("connection", "list", "--json");
        list.ShouldContain("\"name\": \"acme\"");
        list.ShouldNotContain(ConnectionEmulator.FullKey);
    }

    [Fact]
    public async Task A_key_ashby_refuses_is_not_stored()
    {
        var (exitCode, output) = await Add("acme", "wrong-key-123");

        exitCode.ShouldBe(3);
        output.ShouldContain("Ashby refused the key");
        output.ShouldContain("Nothing was stored");
        output.ShouldNotContain("wrong-key-123");
        (await Run("connection", "list", "--json")).Output.ShouldContain("\"connections\": []");
    }

    [Fact]
    public async Task A_second_add_of_a_name_is_refused()
    {
        (await Add("acme", ConnectionEmulator.FullKey)).ExitCode.ShouldBe(0);

        var (exitCode, output) = await Add("acme", ConnectionEmulator.FullKey);

        exitCode.ShouldBe(8);
        output.ShouldContain("already exists");
    }

    [Fact]
    public async Task A_key_missing_permissions_names_the_streams_the_sync_will_skip_and_the_sync_records_why()
    {
        var (exitCode, output) = await Add("narrow", ConnectionEmulator.CandidatesOnlyKey);
        exitCode.ShouldBe(0, output);
        output.ShouldContain("missing: skipped by the sync");

        var (syncExit, json) = await Run("sync", "--connection", "narrow", "--json");

        syncExit.ShouldBe(0, json);
        using var run = JsonDocument.Parse(json);
        var streams = run.RootElement.GetProperty("runs")[0].GetProperty("streams").EnumerateArray()
            .ToDictionary(s => s.GetProperty("stream").GetString()!, s => s);
        streams["candidates"].GetProperty("outcome").GetString().ShouldBe("succeeded");
        streams["jobs"].GetProperty("outcome").GetString().ShouldBe("skipped");
        streams["jobs"].GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("job.list cannot be read");
    }

    [Fact]
    public async Task Sync_fills_the_mirror_and_status_shows_it()
    {
        (await Add("acme", ConnectionEmulator.FullKey)).ExitCode.ShouldBe(0);

        var (exitCode, output) = await Run("sync");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("candidates");
        var (statusExit, status) = await Run("status", "--json");
        statusExit.ShouldBe(0);
        using var document = JsonDocument.Parse(status);
        var acme = document.RootElement.GetProperty("connections")[0];
        acme.GetProperty("lastRun").GetProperty("outcome").GetString().ShouldBe("succeeded");
        var candidates = acme.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("stream").GetString() == "candidates");
        using var http = new HttpClient();
        using var summary = JsonDocument.Parse(await http.GetStringAsync(new Uri(emulator.BaseUrl, "_emulator/summary"), TestContext.Current.CancellationToken));
        candidates.GetProperty("rows").GetInt64().ShouldBe(summary.RootElement.GetProperty("counts").GetProperty("candidates").GetInt64());
    }

    [Fact]
    public async Task Sync_against_an_ashby_that_stopped_answering_says_so_once_marks_the_rest_not_run_and_fails()
    {
        // An Ashby of its own, to stop: the class's emulator serves the other tests.
        var lost = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 1, Size = "small" }, ct: TestContext.Current.CancellationToken);
        try
        {
            (await Run("connection", "add", "--name", "lost", "--api-key", lost.DemoApiKey, "--base-url", lost.BaseUrl.ToString())).ExitCode.ShouldBe(0);
        }
        finally
        {
            await lost.DisposeAsync();
        }

        var (exitCode, output) = await Run("sync", "--connection", "lost");
        var (jsonExit, json) = await Run("sync", "--connection", "lost", "--json");

        exitCode.ShouldBe(1, output);
        output.ShouldContain("Ashby could not be reached: user.list got no answer (the connection was refused)");
        output.ShouldContain("Check the connection's base URL");
        output.ShouldContain("not run");
        output.Split("Ashby could not be reached").Length.ShouldBe(2, output); // said once, under the table
        jsonExit.ShouldBe(1, json);
        using var document = JsonDocument.Parse(json);
        var streams = document.RootElement.GetProperty("runs")[0].GetProperty("streams").EnumerateArray().ToList();
        streams.Count(s => s.GetProperty("outcome").GetString() == "failed").ShouldBe(1);
        streams.Count(s => s.GetProperty("outcome").GetString() == "notRun").ShouldBe(streams.Count - 1);
    }

    [Fact]
    public async Task Sync_that_loses_ashby_mid_pass_keeps_what_it_stored_fails_one_stream_and_marks_the_rest_not_run()
    {
        // Ashby goes away at the interview stages, the one stream never asked for ahead of its turn: the streams
        // before it have committed by then.
        await using var ashby = await LosableAshby.StartAsync(emulator.BaseUrl, "interviewPlan.list");
        (await Run("connection", "add", "--name", "midway", "--api-key", emulator.ApiKey, "--base-url", ashby.BaseUrl.ToString())).ExitCode.ShouldBe(0);
        ashby.Arm();

        var (exitCode, json) = await Run("sync", "--connection", "midway", "--json");

        exitCode.ShouldBe(1, json);
        ashby.IsLost.ShouldBeTrue();
        json.ShouldContain("Ashby could not be reached");
        using var document = JsonDocument.Parse(json);
        var streams = document.RootElement.GetProperty("runs")[0].GetProperty("streams").EnumerateArray().ToList();
        var at = streams.FindIndex(s => s.GetProperty("stream").GetString() == Ashbridge.Core.Mirror.MirrorStreams.InterviewStages.Name);
        at.ShouldBeGreaterThan(0);
        streams.Take(at).ShouldAllBe(s => s.GetProperty("outcome").GetString() == "succeeded");
        streams[at].GetProperty("outcome").GetString().ShouldBe("failed");
        streams.Skip(at + 1).ShouldAllBe(s => s.GetProperty("outcome").GetString() == "notRun");
    }

    [Fact]
    public async Task Syncing_an_unknown_connection_fails_with_what_to_do()
    {
        var (exitCode, output) = await Run("sync", "--connection", "nobody");

        exitCode.ShouldBe(7);
        output.ShouldContain("connection add");
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_reported()
    {
        var (exitCode, output) = await CliRun.RunAsync("status", "--database", "Host=127.0.0.1;Port=1;Username=x;Password=secret-pw;Timeout=1");

        exitCode.ShouldBe(5);
        output.ShouldContain("Cannot open the database");
        output.ShouldNotContain("secret-pw");
    }

    [Fact]
    public async Task Remove_takes_the_connection_and_its_mirror_away()
    {
        (await Add("acme", ConnectionEmulator.FullKey)).ExitCode.ShouldBe(0);
        (await Run("sync", "--connection", "acme")).ExitCode.ShouldBe(0);

        (await Run("connection", "remove", "--name", "acme")).ExitCode.ShouldBe(0);

        (await Run("status", "--connection", "acme")).ExitCode.ShouldBe(7);
        (await Run("connection", "remove", "--name", "acme")).ExitCode.ShouldBe(7);
    }

    [Fact]
    public async Task Schedule_accepts_an_interval_or_a_cron_and_explains_a_bad_cron()
    {
        (await Add("acme", ConnectionEmulator.FullKey)).ExitCode.ShouldBe(0);

        (await Run("connection", "schedule", "--name", "acme", "--every", "15")).Output.ShouldContain("every 15 minutes");
        var (exitCode, output) = await Run("connection", "schedule", "--name", "acme", "--cron", "often");

        exitCode.ShouldBe(2);
        output.ShouldContain("not a Quartz cron expression");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
