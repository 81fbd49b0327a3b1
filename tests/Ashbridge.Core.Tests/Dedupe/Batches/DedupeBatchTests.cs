using System.Text;
using System.Text.Json.Nodes;
using Ashbridge.Core.Dedupe;
using Ashbridge.Core.Dedupe.Batches;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashbridge.Core.Tests.Dedupe.Batches;

/// <summary>Batches against the emulator on both databases: the plan of each kind of row, the run equal to it, re-runs, and a crash mid-row.</summary>
public sealed class DedupeBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_row_is_planned_with_its_reason_and_the_real_run_does_exactly_what_the_dry_run_said(DatabaseProvider provider)
    {
        await using var h = await BatchHarness.StartAsync(provider);
        var robert = await h.Dedupe.CreateCandidateAsync(new JsonObject { ["name"] = "Robert Zyxwood", ["email"] = "r.zyxwood@gmail.com" });
        var wilhelmina = await h.Dedupe.CreateCandidateAsync(new JsonObject { ["name"] = "Wilhelmina Qorvath" });
        var job = await h.CreateJobAsync("Lamplighter", confidential: false);
        var secret = await h.CreateJobAsync("Quiet Role", confidential: true);
        var csv = $"""
            First name,Last name,Email,Phone,Company,Job id
            Oriel,Banwick,oriel@banwick.example,,,{job}
            Bob,Zyxwood,rzyxwood+x@gmail.com,,,
            Oriel,Banwick,Oriel@Banwick.example,,,
            Wilhelmina,Qorvath,wq@elsewhere.example,,,
            ,,,+1 415 555 0100,,
            Ada,Quell,not-an-email,,,
            Ada,Quell,ada@quell.example,12,,
            Ada,Quell,ada2@quell.example,,,job-that-does-not-exist
            Ada,Quell,ada3@quell.example,,,{secret}
            Ada,Quell,ada4@quell.example,,=1+1,
            Ada,Quell,,,,
            Tarquin,Vell,tarquin@vell.example,+44 20 7946 0018,,
            """;

        var batch = await h.Batches.CreateAsync(h.ConnectionId, "prospects.csv", Encoding.UTF8.GetBytes(csv), null, "sourcer@hub", Ct);
        batch.TotalRows.ShouldBe(12);
        var rows = await h.Batches.PageRowsAsync(batch.Id, cancellationToken: Ct);
        rows.Select(r => (r.Number, r.Plan.Action)).ShouldBe([
            (2, BatchAction.Create), (3, BatchAction.Merge), (4, BatchAction.Skip), (5, BatchAction.Person), (6, BatchAction.Invalid), (7, BatchAction.Invalid),
            (8, BatchAction.Invalid), (9, BatchAction.Invalid), (10, BatchAction.Invalid), (11, BatchAction.Invalid), (12, BatchAction.Invalid), (13, BatchAction.Create),
        ]);
        Reason(rows, 3).ShouldContain("same email ignoring dots and +tags");
        rows.Single(r => r.Number == 3).Plan.CandidateId.ShouldBe(robert);
        Reason(rows, 4).ShouldBe("the same prospect as row 2 of this file");
        Reason(rows, 5).ShouldContain("only similar names: Wilhelmina Qorvath");
        Reason(rows, 6).ShouldBe("the row has no name (first and last) and no email");
        Reason(rows, 7).ShouldBe("'not-an-email' is not an email address");
        Reason(rows, 8).ShouldContain("'12' is not a phone number");
        Reason(rows, 9).ShouldContain("job 'job-that-does-not-exist' is not offered");
        Reason(rows, 10).ShouldContain($"job '{secret}' is not offered");
        Reason(rows, 11).ShouldContain("the Company cell is a formula");
        Reason(rows, 12).ShouldContain("Ashby needs a first name, a last name and an email");

        // A person settles row 5: Wilhelmina without an email is the same person.
        (await h.Batches.DecideAsync(batch.Id, 5, $"merge:{wilhelmina}", Ct)).EffectiveAction.ShouldBe(BatchAction.Merge);
        Should.Throw<DedupeBatchException>(() => h.Batches.DecideAsync(batch.Id, 5, "merge:someone-else", Ct)).Message.ShouldContain("not one of row 5's matches");
        Should.Throw<DedupeBatchException>(() => h.Batches.DecideAsync(batch.Id, 7, "create", Ct)).Message.ShouldContain("invalid");
        var candidatesBefore = await h.CandidateCountAsync();

        var run = await h.Runner.RunAsync(batch.Id, cancellationToken: Ct);

        run.State.ShouldBe(DedupeBatchState.Finished, run.Error);
        var done = await h.Batches.PageRowsAsync(batch.Id, cancellationToken: Ct);
        foreach (var row in done)
        {
            row.State.ShouldBe(BatchRowState.Done);
            row.Outcome.ShouldBe(BatchOutcome.Expected(row.EffectiveAction), $"row {row.Number}: {row.Detail}");
        }

        done.Single(r => r.Number == 3).CandidateId.ShouldBe(robert);
        done.Single(r => r.Number == 5).CandidateId.ShouldBe(wilhelmina);
        done.Single(r => r.Number == 2).ApplicationId.ShouldNotBeNull();
        (await h.CandidateCountAsync()).ShouldBe(candidatesBefore + 2);
        (await h.SearchAsync("oriel@banwick.example")).Count.ShouldBe(1);
        (await h.SearchAsync("tarquin@vell.example")).Count.ShouldBe(1);
        var finished = (await h.Batches.FindAsync(batch.Id, Ct))!;
        (finished.DoneRows, finished.Outcomes[BatchOutcome.Created], finished.Outcomes[BatchOutcome.Merged], finished.Outcomes[BatchOutcome.Invalid]).ShouldBe((12, 2, 2, 7));

        var report = new StringWriter();
        await h.Batches.WriteReportAsync(finished, report, Ct);
        var lines = report.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(13);
        lines[0].ShouldStartWith("row,First name,Last name,Email,plan,decision,state,outcome,candidate_id");
        lines[2].ShouldContain($"merge into Robert Zyxwood ({robert})");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Running_the_same_file_again_creates_nothing_twice(DatabaseProvider provider)
    {
        await using var h = await BatchHarness.StartAsync(provider);
        var xlsx = XlsxFile.Create([["Name", "Email"], ["Merrow Strand", "merrow@strand.example"], ["Peregrine Toll", "peregrine@toll.example"]]);
        var first = await h.Batches.CreateAsync(h.ConnectionId, "p.xlsx", xlsx, null, "sourcer@hub", Ct);
        (await h.Runner.RunAsync(first.Id, cancellationToken: Ct)).State.ShouldBe(DedupeBatchState.Finished);
        var count = await h.CandidateCountAsync();

        // Before any pass brings them into the mirror, the second batch knows them by the rows' keys.
        var again = await h.Batches.CreateAsync(h.ConnectionId, "p.xlsx", xlsx, null, "sourcer@hub", Ct);
        (await h.Batches.PageRowsAsync(again.Id, cancellationToken: Ct)).ShouldAllBe(r => r.Plan.Action == BatchAction.Skip && r.Plan.Reasons[0].StartsWith($"already uploaded by batch {first.Id}"));
        (await h.Runner.RunAsync(again.Id, cancellationToken: Ct)).State.ShouldBe(DedupeBatchState.Finished);
        (await h.CandidateCountAsync()).ShouldBe(count);
        (await h.Runner.RunAsync(first.Id, cancellationToken: Ct)).State.ShouldBe(DedupeBatchState.Finished); // a finished batch runs nothing
        (await h.CandidateCountAsync()).ShouldBe(count);
        (await h.SearchAsync("merrow@strand.example")).Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_row_left_started_by_a_crash_is_done_again_without_a_duplicate_and_gets_its_job(DatabaseProvider provider)
    {
        await using var h = await BatchHarness.StartAsync(provider);
        var job = await h.CreateJobAsync("Cartographer", confidential: false);
        var csv = $"Name,Email,Job\nSable Wren,sable@wren.example,{job}\nCorvin Ash,corvin@ash.example,\n";
        var batch = await h.Batches.CreateAsync(h.ConnectionId, "p.csv", Encoding.UTF8.GetBytes(csv), null, "sourcer@hub", Ct);

        // The process died after Ashby created row 2's candidate (before its application), with the row stored as started
        // and the batch held by a process that is gone.
        (await h.Dedupe.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Sable", "Wren", ["sable@wren.example"])), Ct)).Succeeded.ShouldBeTrue();
        await using (var db = await h.Database.ConnectAsync(Ct))
        {
            await db.ExecuteAsync("UPDATE dedupe_batch_rows SET state = 'started' WHERE batch_id = @id AND row_number = 2", new { id = batch.Id });
            await db.ExecuteAsync("UPDATE dedupe_batches SET state = 'running', runner = @runner, lease_ms = @lease WHERE id = @id",
                new { id = batch.Id, runner = $"{Environment.MachineName}:{int.MaxValue - 7}", lease = TimeProvider.System.GetUtcNow().AddMinutes(5).ToUnixTimeMilliseconds() });
        }

        var run = await h.Runner.RunAsync(batch.Id, cancellationToken: Ct);

        run.State.ShouldBe(DedupeBatchState.Finished, run.Error);
        var rows = await h.Batches.PageRowsAsync(batch.Id, cancellationToken: Ct);
        rows.Select(r => r.Outcome).ShouldBe([BatchOutcome.Created, BatchOutcome.Created]);
        (await h.SearchAsync("sable@wren.example")).Count.ShouldBe(1);
        var sable = rows[0];
        sable.ApplicationId.ShouldNotBeNull(sable.Detail);
        var application = await h.Dedupe.AshbyAsync("application.info", new JsonObject { ["applicationId"] = sable.ApplicationId });
        application["candidate"]!["id"]!.GetValue<string>().ShouldBe(sable.CandidateId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_held_by_a_live_process_is_not_run_twice_and_the_mapping_is_kept_once_it_ran(DatabaseProvider provider)
    {
        await using var h = await BatchHarness.StartAsync(provider);
        var batch = await h.Batches.CreateAsync(h.ConnectionId, "p.csv", Encoding.UTF8.GetBytes("Who,Contact\nLark Fenn,lark@fenn.example\n"), null, "sourcer@hub", Ct);
        (await h.Batches.PageRowsAsync(batch.Id, cancellationToken: Ct)).Single().Plan.Action.ShouldBe(BatchAction.Invalid); // nothing mapped yet
        var remapped = await h.Batches.RemapAsync(batch.Id, new Dictionary<string, string?> { ["Who"] = "name", ["Contact"] = "email" }, Ct);
        remapped.Mapping.ShouldBe([BatchField.Name, BatchField.Email]);
        (await h.Batches.PageRowsAsync(batch.Id, cancellationToken: Ct)).Single().Plan.Action.ShouldBe(BatchAction.Create);

        await using (var db = await h.Database.ConnectAsync(Ct))
        {
            await db.ExecuteAsync("UPDATE dedupe_batches SET state = 'running', runner = @runner, lease_ms = @lease WHERE id = @id",
                new { id = batch.Id, runner = $"another-machine:{Environment.ProcessId}", lease = TimeProvider.System.GetUtcNow().AddMinutes(5).ToUnixTimeMilliseconds() });
        }

        (await h.Runner.RunAsync(batch.Id, cancellationToken: Ct)).AlreadyRunning.ShouldBeTrue();
        (await h.SearchAsync("lark@fenn.example")).ShouldBeEmpty();
        await using (var db = await h.Database.ConnectAsync(Ct))
        {
            await db.ExecuteAsync("UPDATE dedupe_batches SET lease_ms = 0 WHERE id = @id", new { id = batch.Id }); // the lease ran out
        }

        (await h.Runner.RunAsync(batch.Id, cancellationToken: Ct)).State.ShouldBe(DedupeBatchState.Finished);
        (await h.SearchAsync("lark@fenn.example")).Count.ShouldBe(1);
        Should.Throw<DedupeBatchException>(() => h.Batches.RemapAsync(batch.Id, new Dictionary<string, string?> { ["Who"] = "" }, Ct)).Message.ShouldContain("mapping is kept");
    }

    private static string Reason(IReadOnlyList<DedupeBatchRow> rows, int number) => string.Join("; ", rows.Single(r => r.Number == number).Plan.Reasons);

    /// <summary>The dedupe harness with the batches over it.</summary>
    private sealed class BatchHarness : IAsyncDisposable
    {
        private BatchHarness(DedupeHarness dedupe)
        {
            Dedupe = dedupe;
            Batches = new DedupeBatches(Database, new DedupeBatchPlanner(Database, dedupe.Check), dedupe.Writes, TimeProvider.System);
            Runner = new DedupeBatchRunner(Database, Batches, dedupe.Writes, TimeProvider.System, NullLogger<DedupeBatchRunner>.Instance);
        }

        public DedupeHarness Dedupe { get; }

        public AshbridgeDatabase Database => Dedupe.Webhooks.Database;

        public DedupeBatches Batches { get; }

        public DedupeBatchRunner Runner { get; }

        public long ConnectionId => Dedupe.ConnectionId;

        public static async Task<BatchHarness> StartAsync(DatabaseProvider provider) => new(await DedupeHarness.StartAsync(provider));

        public async Task<string> CreateJobAsync(string title, bool confidential)
        {
            var job = await Dedupe.Webhooks.ControlAsync("jobs", new { title, confidential });
            await Dedupe.Webhooks.SyncAsync(SyncMode.Incremental);
            return job!["id"]!.GetValue<string>();
        }

        public async Task<JsonArray> SearchAsync(string email) => (await Dedupe.AshbyAsync("candidate.search", new JsonObject { ["email"] = email })).AsArray();

        public async Task<long> CandidateCountAsync()
        {
            using var response = await Dedupe.Webhooks.Http.GetAsync(new Uri(Dedupe.Webhooks.Emulator.BaseUrl, "_emulator/summary"), Ct);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["counts"]!["candidates"]!.GetValue<long>();
        }

        public async ValueTask DisposeAsync() => await Dedupe.DisposeAsync();
    }
}
