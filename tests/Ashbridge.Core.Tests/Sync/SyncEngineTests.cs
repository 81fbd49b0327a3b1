using System.Collections.Concurrent;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Tests.Storage;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Sync;

public sealed class SyncEngineTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_first_sync_is_a_full_pass_that_mirrors_ashby_exactly(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);

        var run = await h.SyncAsync();

        run.Outcome.ShouldBe(SyncOutcome.Succeeded, run.Error);
        run.Streams.Count.ShouldBe(MirrorStreams.All.Count);
        run.Streams.ShouldAllBe(s => s.Mode == StreamPassMode.Full && s.Outcome == StreamOutcome.Succeeded);
        run.Streams.Single(s => s.Stream == "candidates").New.ShouldBe(200);
        run.Streams.Single(s => s.Stream == "candidates").Pages.ShouldBe(2);
        await h.AssertMirrorEqualsAshbyAsync();

        // Ashby's JSON is stored as text the database's JSON functions read, and the typed columns agree with it.
        var sqlite = provider == DatabaseProvider.Sqlite;
        foreach (var stream in MirrorStreams.All)
        {
            var invalid = sqlite ? "json_valid(raw_json) = 0" : "raw_json::jsonb IS NULL";
            (await h.ScalarAsync<long>($"SELECT COUNT(*) FROM {stream.Table} WHERE {invalid}")).ShouldBe(0, stream.Name);
        }

        var nameDiffers = sqlite ? "name IS NOT json_extract(raw_json, '$.name')" : "name IS DISTINCT FROM raw_json::jsonb ->> 'name'";
        (await h.ScalarAsync<long>($"SELECT COUNT(*) FROM mirror_candidates WHERE {nameDiffers}")).ShouldBe(0);
        var enabledDiffers = sqlite ? "is_enabled IS NOT json_extract(raw_json, '$.isEnabled')" : "is_enabled IS DISTINCT FROM (raw_json::jsonb ->> 'isEnabled')::boolean";
        (await h.ScalarAsync<long>($"SELECT COUNT(*) FROM mirror_users WHERE {enabledDiffers}")).ShouldBe(0);
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_users WHERE is_enabled IS NULL")).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_incremental_pass_brings_exactly_the_changes_and_then_equals_ashby(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.SyncAsync();
        var candidates = await h.IdsAsync("SELECT id FROM mirror_candidates WHERE connection_id = @ConnectionId ORDER BY id LIMIT 3");
        var application = (await h.IdsAsync("SELECT id FROM mirror_applications WHERE connection_id = @ConnectionId AND status = 'Active' ORDER BY id LIMIT 1")).Single();
        h.Clock!.Advance(TimeSpan.FromMinutes(1));
        // Company, not name: an application embeds its candidate's name and contacts, and Ashby reports an application
        // as changed only when the application itself changes (the daily full pass refreshes such embedded copies).
        foreach (var id in candidates) await h.ControlAsync($"candidates/{id}/edit", new { company = $"Company {id[..4]}" });
        await h.ControlAsync($"applications/{application}/hire", new { startDate = "2027-01-04" });

        var run = await h.SyncAsync();

        run.Outcome.ShouldBe(SyncOutcome.Succeeded, run.Error);
        var candidatePass = run.Streams.Single(s => s.Stream == "candidates");
        candidatePass.Mode.ShouldBe(StreamPassMode.Incremental);
        (candidatePass.New + candidatePass.Changed).ShouldBeGreaterThanOrEqualTo(3);
        (candidatePass.New + candidatePass.Changed + candidatePass.Unchanged).ShouldBeLessThan(200);
        run.Streams.Single(s => s.Stream == "applications").Changed.ShouldBeGreaterThanOrEqualTo(1);
        run.Streams.Single(s => s.Stream == "job_postings").Mode.ShouldBe(StreamPassMode.Full); // no syncToken: re-read and diffed
        await h.AssertMirrorEqualsAshbyAsync();
        (await h.ScalarAsync<string>("SELECT status FROM mirror_applications WHERE connection_id = @c AND id = @application", new { c = h.ConnectionId, application })).ShouldBe("Hired");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changed_rows_get_their_json_and_typed_columns_whether_or_not_a_typed_value_changed(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.SyncAsync();
        var ids = await h.IdsAsync("SELECT id FROM mirror_candidates WHERE connection_id = @ConnectionId ORDER BY id LIMIT 3");
        h.Clock!.Advance(TimeSpan.FromMinutes(1));
        // Only the JSON changes (SQLite rewrites the JSON alone); then a typed column, the email; then the name, with the company.
        await h.ControlAsync($"candidates/{ids[0]}/edit", new { company = "Only The Json" });
        await h.ControlAsync($"candidates/{ids[1]}/edit", new { email = "New.Address@example.test" });
        await h.ControlAsync($"candidates/{ids[2]}/edit", new { name = "Renamed Person", company = "Both" });

        var run = await h.SyncAsync();

        run.Streams.Single(s => s.Stream == "candidates").Changed.ShouldBe(3);
        // Candidates only: applications embed their candidate's name and email, which Ashby does not report as a change.
        (await MirrorOracle.MirrorRowsAsync(h.Database, h.ConnectionId, MirrorStreams.Candidates)).ShouldBe(await h.Oracle.AshbyRowsAsync(MirrorStreams.Candidates), ignoreOrder: true);
        var sqlite = provider == DatabaseProvider.Sqlite;
        var disagree = sqlite
            ? "name IS NOT json_extract(raw_json, '$.name') OR primary_email IS NOT lower(json_extract(raw_json, '$.primaryEmailAddress.value'))"
            : "name IS DISTINCT FROM raw_json::jsonb ->> 'name' OR primary_email IS DISTINCT FROM lower(raw_json::jsonb -> 'primaryEmailAddress' ->> 'value')";
        (await h.ScalarAsync<long>($"SELECT COUNT(*) FROM mirror_candidates WHERE {disagree}")).ShouldBe(0);
        (await h.IdsAsync("SELECT id FROM mirror_candidates WHERE connection_id = @ConnectionId AND primary_email = 'new.address@example.test'")).ShouldBe([ids[1]]);
        (await h.ScalarAsync<string>("SELECT name FROM mirror_candidates WHERE id = @id", new { id = ids[2] })).ShouldBe("Renamed Person");
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_candidates WHERE last_seen_ms <> first_seen_ms AND id IN (@a, @b, @c)", new { a = ids[0], b = ids[1], c = ids[2] })).ShouldBe(3);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_repeated_incremental_pass_with_nothing_changed_writes_nothing(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.SyncAsync();
        h.Clock!.Advance(TimeSpan.FromMinutes(1));

        var run = await h.SyncAsync();

        run.Streams.ShouldAllBe(s => s.New == 0 && s.Changed == 0 && s.Deleted == 0, string.Join("; ", run.Streams));
        run.Streams.Where(s => s.Mode == StreamPassMode.Incremental).Sum(s => s.Unchanged).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Expired_tokens_restart_each_stream_as_a_full_pass_recorded_in_the_history(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.SyncAsync();
        await h.ControlAsync("tokens/expire");

        var run = await h.SyncAsync();

        run.Outcome.ShouldBe(SyncOutcome.Succeeded, run.Error);
        var candidates = run.Streams.Single(s => s.Stream == "candidates");
        (candidates.Mode, candidates.RestartedBecause).ShouldBe((StreamPassMode.Full, "sync_token_expired"));
        candidates.Unchanged.ShouldBe(200);
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_undecodable_stored_token_restarts_the_stream_as_a_full_pass(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.SyncAsync();
        await h.ExecuteAsync("UPDATE sync_streams SET sync_token = 'not-a-token' WHERE stream = 'jobs'");

        var run = await h.SyncAsync();

        run.Streams.Single(s => s.Stream == "jobs").RestartedBecause.ShouldBe("sync_token_invalid");
        run.Streams.Single(s => s.Stream == "candidates").RestartedBecause.ShouldBeNull();
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cursor_that_expires_mid_pass_restarts_the_stream_from_the_top(DatabaseProvider provider)
    {
        // The clock jumps just before the third request for applications, which carries a cursor issued on the
        // second: whatever the fetch-ahead, that cursor is an hour and a bit old when Ashby reads it.
        var applicationRequests = 0;
        SyncHarness? harness = null;
        await using var h = harness = await SyncHarness.StartAsync(provider, o => o.Size = "1000", beforeEachRequest: request =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/application.list", StringComparison.Ordinal)
                && Interlocked.Increment(ref applicationRequests) == 3)
            {
                harness!.Clock!.Advance(TimeSpan.FromMinutes(61));
            }

            return Task.CompletedTask;
        });

        var run = await h.SyncAsync();

        run.Outcome.ShouldBe(SyncOutcome.Succeeded, run.Error);
        var applications = run.Streams.Single(s => s.Stream == "applications");
        applications.RestartedBecause.ShouldBe("next_cursor_expired");
        var pagesInOnePass = (int)Math.Ceiling(await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_applications") / 100.0);
        applications.Pages.ShouldBeGreaterThan(pagesInOnePass); // the pages before the restart and the whole pass after it
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Incremental_passes_re_read_interview_stages_hourly_and_say_so_in_between(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.SyncAsync(SyncMode.Full);
        await h.ControlAsync("jobs", new { title = "Staff Cartographer" }); // a new job brings a new interview plan and its stages
        var stagesBefore = await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_interview_stages");

        h.Clock!.Advance(TimeSpan.FromMinutes(59));
        var soon = await h.SyncAsync();

        var stages = soon.Streams.Single(s => s.Stream == "interview_stages");
        (stages.Mode, stages.Outcome).ShouldBe((StreamPassMode.Skipped, StreamOutcome.Skipped));
        stages.Message.ShouldNotBeNull().ShouldContain("hourly");
        soon.Outcome.ShouldBe(SyncOutcome.Succeeded);
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_interview_stages")).ShouldBe(stagesBefore);

        h.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await h.SyncAsync();

        var reread = later.Streams.Single(s => s.Stream == "interview_stages");
        reread.Outcome.ShouldBe(StreamOutcome.Succeeded, reread.Message);
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_interview_stages")).ShouldBeGreaterThan(stagesBefore);
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Interview_stages_of_many_plans_are_written_in_groups_and_still_equal_ashby(DatabaseProvider provider)
    {
        // 10,000 candidates bring 200 interview plans and more stages than one group of pages holds.
        await using var h = await SyncHarness.StartAsync(provider, o => o.Size = "10000");

        var run = await h.SyncAsync(SyncMode.Full, streams: ["interview_stages"]);

        var stages = run.Streams.Single(s => s.Stream == "interview_stages");
        stages.Outcome.ShouldBe(StreamOutcome.Succeeded, stages.Message);
        stages.Pages.ShouldBeGreaterThan(1);
        var mirror = await MirrorOracle.MirrorRowsAsync(h.Database, h.ConnectionId, MirrorStreams.InterviewStages);
        stages.New.ShouldBe(mirror.Count);
        mirror.ShouldBe(await h.Oracle.AshbyRowsAsync(MirrorStreams.InterviewStages), ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Interview_stages_of_several_plans_are_requested_at_once(DatabaseProvider provider)
    {
        // The first stage requests are held until as many have arrived as the pass may have out at once. A pass asking
        // for one plan at a time never gets there: after a while every request is let through, and the test fails.
        var arrived = 0;
        var enoughArrived = false;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = await SyncHarness.StartAsync(provider, beforeEachRequest: async request =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/interviewStage.list", StringComparison.Ordinal)) return;
            if (Interlocked.Increment(ref arrived) == StreamPass.PlansInFlight && release.TrySetResult()) Volatile.Write(ref enoughArrived, true);

            if (await Task.WhenAny(release.Task, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)) != release.Task) release.TrySetResult();
        });

        var run = await h.SyncAsync(SyncMode.Full, streams: ["interview_stages"]);

        Volatile.Read(ref enoughArrived).ShouldBeTrue("the stage requests went out one at a time");
        var stages = run.Streams.Single(s => s.Stream == "interview_stages");
        stages.Outcome.ShouldBe(StreamOutcome.Succeeded, stages.Message);
        var mirror = await MirrorOracle.MirrorRowsAsync(h.Database, h.ConnectionId, MirrorStreams.InterviewStages);
        stages.New.ShouldBe(mirror.Count);
        mirror.ShouldBe(await h.Oracle.AshbyRowsAsync(MirrorStreams.InterviewStages), ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_forged_stored_cursor_on_resume_restarts_the_stream(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.SyncAsync();
        await h.ExecuteAsync("UPDATE sync_streams SET pass_mode = 'incremental', pass_cursor = 'forged' WHERE stream = 'candidates'");

        var run = await h.SyncAsync();

        run.Streams.Single(s => s.Stream == "candidates").RestartedBecause.ShouldBe("invalid_next_cursor");
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_incremental_pass_too_large_for_ashby_becomes_a_full_pass(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider, o => o.IncrementalPageCap = 1);
        await h.SyncAsync();
        h.Clock!.Advance(TimeSpan.FromMinutes(1));
        foreach (var id in await h.IdsAsync("SELECT id FROM mirror_candidates WHERE connection_id = @ConnectionId ORDER BY id LIMIT 150"))
        {
            await h.ControlAsync($"candidates/{id}/edit", new { company = "Initech" });
        }

        var run = await h.SyncAsync();

        run.Streams.Single(s => s.Stream == "candidates").RestartedBecause.ShouldBe("incremental_sync_too_large");
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deletions_are_marked_by_the_full_pass_sweep_and_postings_at_once(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.SyncAsync();
        var doomed = (await h.IdsAsync("SELECT id FROM mirror_candidates WHERE connection_id = @ConnectionId ORDER BY id LIMIT 1")).Single();
        var posting = (await h.IdsAsync("SELECT id FROM mirror_job_postings WHERE connection_id = @ConnectionId ORDER BY id LIMIT 1")).Single();
        h.Clock!.Advance(TimeSpan.FromMinutes(1));
        await h.ControlAsync($"candidates/{doomed}/delete");
        await h.ControlAsync($"job-postings/{posting}/delete");

        var incremental = await h.SyncAsync();

        incremental.Streams.Single(s => s.Stream == "job_postings").Deleted.ShouldBe(1);
        (await h.ScalarAsync<long?>("SELECT deleted_ms FROM mirror_job_postings WHERE id = @posting", new { posting })).ShouldNotBeNull();

        var full = await h.SyncAsync(SyncMode.Full);

        full.Streams.Single(s => s.Stream == "candidates").Deleted.ShouldBe(1);
        (await h.ScalarAsync<long?>("SELECT deleted_ms FROM mirror_candidates WHERE id = @doomed", new { doomed })).ShouldNotBeNull();
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_applications WHERE deleted_ms IS NOT NULL")).ShouldBeGreaterThan(0);
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_merge_is_recorded_so_the_old_id_leads_to_the_survivor(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        await h.SyncAsync();
        var pair = await h.IdsAsync(
            "SELECT candidate_id FROM mirror_applications WHERE connection_id = @ConnectionId GROUP BY candidate_id ORDER BY candidate_id LIMIT 2");
        h.Clock!.Advance(TimeSpan.FromMinutes(1));
        await h.ControlAsync($"candidates/{pair[0]}/merge", new { intoCandidateId = pair[1] });

        await h.SyncAsync();

        (await h.ScalarAsync<string>("SELECT merged_into_id FROM mirror_candidates WHERE id = @from", new { from = pair[0] })).ShouldBe(pair[1]);
        (await CandidateMerges.ResolveAsync(h.Database, h.ConnectionId, pair[0], TestContext.Current.CancellationToken)).ShouldBe(pair[1]);
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_applications WHERE candidate_id = @from AND deleted_ms IS NULL", new { from = pair[0] })).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Streams_the_key_cannot_read_are_skipped_with_the_permission_named(DatabaseProvider provider)
    {
        var permissions = EmulatorKey.EveryPermission.Where(p => p != "offersRead").ToList();
        await using var h = await SyncHarness.StartAsync(provider, permissions: permissions);

        var run = await h.SyncAsync();

        run.Outcome.ShouldBe(SyncOutcome.Succeeded);
        var offers = run.Streams.Single(s => s.Stream == "offers");
        (offers.Mode, offers.Outcome).ShouldBe((StreamPassMode.Skipped, StreamOutcome.Skipped));
        offers.Message.ShouldNotBeNull().ShouldContain("offersRead");
        run.Streams.Where(s => s.Stream != "offers").ShouldAllBe(s => s.Outcome == StreamOutcome.Succeeded);
        var states = await new SyncHistory(h.Database).StreamStatesAsync(h.ConnectionId, TestContext.Current.CancellationToken);
        states.Single(s => s.Stream == "offers").SkippedReason.ShouldNotBeNull().ShouldContain("offersRead");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cancelled_pass_resumes_from_its_checkpoint_with_nothing_lost_or_doubled(DatabaseProvider provider)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var twoPagesStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new InlineProgress(p =>
        {
            if (p.Stream == "applications" && p.Pages >= 2) twoPagesStored.TrySetResult();
        });
        var applicationPages = 0;

        // The fetch runs ahead of the writer: hold the third page's request until two pages are stored, then cancel.
        await using var h = await SyncHarness.StartAsync(provider, beforeEachRequest: async request =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/application.list", StringComparison.Ordinal) || ++applicationPages != 3) return;
            await twoPagesStored.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await stop.CancelAsync();
        });

        var migrated = await IndexesAsync(h, "mirror_applications");
        var candidateIndexes = await IndexesAsync(h, "mirror_candidates");
        await Should.ThrowAsync<OperationCanceledException>(() => h.SyncAsync(progress: progress, cancellationToken: stop.Token));
        (await h.ScalarAsync<string>("SELECT pass_mode FROM sync_streams WHERE stream = 'applications'")).ShouldBe("full");
        (await h.ScalarAsync<string>("SELECT pass_cursor FROM sync_streams WHERE stream = 'applications'")).ShouldNotBeNull();

        // The interrupted first pass had set the empty table's indexes aside, recorded; the finished candidates pass rebuilt its own.
        (await IndexesAsync(h, "mirror_applications")).ShouldBeEmpty();
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_deferred_indexes WHERE table_name = 'mirror_applications'")).ShouldBe(migrated.Count);
        (await IndexesAsync(h, "mirror_candidates")).ShouldBe(candidateIndexes);

        var resumed = await h.SyncAsync();
        (await IndexesAsync(h, "mirror_applications")).ShouldBe(migrated);
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_deferred_indexes")).ShouldBe(0);

        var applications = resumed.Streams.Single(s => s.Stream == "applications");
        applications.Mode.ShouldBe(StreamPassMode.Full);
        applications.New.ShouldBe(await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_applications") - 200); // two pages were stored before
        applications.Deleted.ShouldBe(0);
        await h.AssertMirrorEqualsAshbyAsync();
        var runs = await new SyncHistory(h.Database).ListRunsAsync(h.ConnectionId, cancellationToken: TestContext.Current.CancellationToken);
        runs.Select(r => r.Outcome).ShouldBe([SyncOutcome.Succeeded, SyncOutcome.Failed]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_asks_for_a_streams_first_pages_before_its_turn_no_more_than_a_few_and_uses_them(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var applicationsAskedAhead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var beforeTurn = 0;
        var applicationRequests = 0;
        SyncHarness? harness = null;
        await using var h = harness = await SyncHarness.StartAsync(provider, o => o.Size = "1000", beforeEachRequest: async request =>
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/application.list", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref applicationRequests);
                var started = await harness!.ScalarAsync<long>("SELECT COUNT(*) FROM sync_run_streams WHERE stream = 'applications'");
                if (started == 0 && Interlocked.Increment(ref beforeTurn) == PageFeed.PagesBeforeTurn) applicationsAskedAhead.TrySetResult();
            }
            else if (path.EndsWith("/candidate.list", StringComparison.Ordinal) && (await request.Content!.ReadAsStringAsync(ct)).Contains("\"cursor\"", StringComparison.Ordinal))
            {
                // The stream before applications gets no further until the applications' feed has asked for what it may
                // (or, when no feed asks ahead, a while: the assertions below then say what went wrong).
                try
                {
                    await applicationsAskedAhead.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
                }
                catch (TimeoutException)
                {
                }
            }
        });

        var run = await h.SyncAsync(SyncMode.Full);

        run.Outcome.ShouldBe(SyncOutcome.Succeeded);
        beforeTurn.ShouldBe(PageFeed.PagesBeforeTurn); // asked while candidates were still under way, and no more until its turn
        applicationRequests.ShouldBe(run.Streams.Single(s => s.Stream == "applications").Pages); // each page asked for once: the pass used them
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_first_full_pass_builds_an_empty_tables_indexes_its_key_among_them_after_its_rows_and_later_passes_keep_them(DatabaseProvider provider)
    {
        // Before each applications page is asked for, how many of the table's indexes exist. The run asks for each
        // stream's first pages before the stream's turn (see PageFeed), while the table still has them all: only the
        // requests after those are the pass's own.
        var indexesSeen = new List<int>();
        var requests = 0;
        SyncHarness? harness = null;
        await using var h = harness = await SyncHarness.StartAsync(provider, o => o.Size = "1000", beforeEachRequest: async request =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/application.list", StringComparison.Ordinal) && Interlocked.Increment(ref requests) > PageFeed.PagesBeforeTurn)
            {
                var count = (await IndexesAsync(harness!, "mirror_applications")).Count;
                lock (indexesSeen) indexesSeen.Add(count);
            }
        });
        var migrated = await IndexesAsync(h, "mirror_applications");
        migrated.Count.ShouldBeGreaterThan(0);

        await h.SyncAsync(SyncMode.Full);
        indexesSeen.Count.ShouldBeGreaterThan(2);
        indexesSeen.ShouldAllBe(n => n == 0);
        (await IndexesAsync(h, "mirror_applications")).ShouldBe(migrated); // the same names and definitions as migrated
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_deferred_indexes")).ShouldBe(0);

        // The table has rows now: the next full pass keeps its indexes throughout.
        indexesSeen.Clear();
        requests = 0;
        await h.SyncAsync(SyncMode.Full);
        indexesSeen.ShouldNotBeEmpty();
        indexesSeen.ShouldAllBe(n => n == migrated.Count);
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_connections_pass_during_a_first_pass_builds_the_key_it_set_aside_and_both_mirrors_equal_ashby(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        using var secondPage = new SemaphoreSlim(0);
        using var firstPageStored = new SemaphoreSlim(0);
        await using var h = await SyncHarness.StartAsync(provider, o => o.Size = "1000", beforeEachRequest: async request =>
        {
            // acme's first pass asks for its second candidates page only once the other connection's pass is done.
            if (request.RequestUri!.AbsolutePath.EndsWith("/candidate.list", StringComparison.Ordinal) && (await request.Content!.ReadAsStringAsync(ct)).Contains("\"cursor\"", StringComparison.Ordinal))
            {
                await secondPage.WaitAsync(ct);
            }
        });
        var migrated = await IndexesAsync(h, "mirror_candidates");
        var progress = new InlineProgress(p =>
        {
            if (p.Stream == "candidates" && p.Pages == 1) firstPageStored.Release();
        });
        var acme = Task.Run(() => h.SyncAsync(SyncMode.Full, progress, streams: ["candidates"]), ct);
        await firstPageStored.WaitAsync(ct);
        (await IndexesAsync(h, "mirror_candidates")).ShouldBeEmpty(); // acme's pass set them all aside, the key too

        var betaId = await h.ScalarAsync<long>(
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('beta', @url, 'not-used-here', 0, 0) RETURNING id",
            new { url = h.Emulator.BaseUrl.ToString() });
        using (var betaClient = new AshbyClient(new AshbyClientOptions { BaseUrl = h.Emulator.BaseUrl, ApiKey = SyncHarness.Key }))
        {
            var beta = await h.Engine.RunAsync(betaId, "beta", betaClient, new SyncRequest(SyncMode.Full, "test", ["candidates"]), cancellationToken: ct);
            beta.Outcome.ShouldBe(SyncOutcome.Succeeded, beta.Error);
        }

        (await IndexesAsync(h, "mirror_candidates")).ShouldBe(migrated); // beta's upserts needed the key: it built everything pending first
        secondPage.Release(int.MaxValue / 2);
        var run = await acme;
        run.Outcome.ShouldBe(SyncOutcome.Succeeded, run.Error);
        var ashby = await h.Oracle.AshbyRowsAsync(MirrorStreams.Candidates);
        foreach (var connectionId in new[] { h.ConnectionId, betaId })
        {
            var mirror = await MirrorOracle.MirrorRowsAsync(h.Database, connectionId, MirrorStreams.Candidates);
            mirror.Keys.Order(StringComparer.Ordinal).ShouldBe(ashby.Keys.Order(StringComparer.Ordinal));
            mirror.Where(row => row.Value != ashby[row.Key]).Select(row => row.Key).ShouldBeEmpty();
        }

        run.Streams.Single(s => s.Stream == "candidates").New.ShouldBe(ashby.Count);
    }

    /// <summary>The table's indexes (its unique key among them) as "name: definition", by name.</summary>
    private static async Task<List<string>> IndexesAsync(SyncHarness h, string table)
    {
        await using var connection = await h.Database.ConnectAsync(TestContext.Current.CancellationToken);
        return await MirrorSchema.IndexesAsync(connection, h.Database.Provider, table);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_one_pass_of_a_connection_runs_at_a_time(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider);
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var progress = new InlineProgress(p =>
        {
            if (p.Stream == "users" && p.Pages == 1 && !inside.IsSet)
            {
                inside.Set();
                release.Wait(TestContext.Current.CancellationToken);
            }
        });

        var first = Task.Run(() => h.SyncAsync(progress: progress), TestContext.Current.CancellationToken);
        inside.Wait(TestContext.Current.CancellationToken);
        var error = await Should.ThrowAsync<SyncAlreadyRunningException>(() => h.SyncAsync());
        release.Set();

        error.Message.ShouldContain("acme");
        (await first).Outcome.ShouldBe(SyncOutcome.Succeeded);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rate_limits_server_errors_and_dropped_connections_still_converge_exactly(DatabaseProvider provider)
    {
        await using var h = await SyncHarness.StartAsync(provider, o => o.FaultProfile = "rate=200/s,burst=20,5xx=0.05,drop=0.02", realTime: true);

        var full = await h.SyncAsync();
        foreach (var id in await h.IdsAsync("SELECT id FROM mirror_candidates WHERE connection_id = @ConnectionId ORDER BY id LIMIT 5"))
        {
            await h.ControlAsync($"candidates/{id}/edit", new { company = "Globex" });
        }

        var incremental = await h.SyncAsync();

        full.Outcome.ShouldBe(SyncOutcome.Succeeded, full.Error);
        incremental.Outcome.ShouldBe(SyncOutcome.Succeeded, incremental.Error);
        await h.ControlAsync("faults", new { profile = "none" });
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_ashby_unreachable_from_the_start_fails_one_stream_with_one_retry_budget_and_leaves_the_rest_not_run(DatabaseProvider provider)
    {
        var attempts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var h = await SyncHarness.StartAsync(provider, beforeEachRequest: request =>
        {
            attempts.AddOrUpdate(request.RequestUri!.AbsolutePath.TrimStart('/'), 1, (_, n) => n + 1);
            return Task.CompletedTask;
        });
        await h.StopEmulatorAsync();

        var run = await h.SyncAsync();

        var first = MirrorStreams.All[0];
        run.Outcome.ShouldBe(SyncOutcome.Failed);
        run.Error.ShouldNotBeNull().ShouldStartWith("Ashby could not be reached");
        run.Streams.Count.ShouldBe(MirrorStreams.All.Count);
        var failed = run.Streams.Where(s => s.Outcome == StreamOutcome.Failed).ShouldHaveSingleItem();
        failed.Stream.ShouldBe(first.Name);
        failed.Message.ShouldBe(run.Error);
        failed.Message!.ShouldContain("the connection was refused");
        run.Streams.Skip(1).ShouldAllBe(s => s.Outcome == StreamOutcome.NotRun && s.Message!.Contains(first.Name));
        // One stream spent its retries (plus, at most, its own ask ahead of its turn, which came at once); the streams
        // asked for ahead of their turn were asked once each, without retries.
        attempts[first.Endpoint].ShouldBeInRange(SyncHarness.MaxRetries + 1, SyncHarness.MaxRetries + 2);
        attempts.Where(a => a.Key != first.Endpoint).ShouldAllBe(a => a.Value == 1);
        var states = await new SyncHistory(h.Database).StreamStatesAsync(h.ConnectionId, TestContext.Current.CancellationToken);
        states.ShouldAllBe(s => s.Rows == 0 && !s.HasSyncToken);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_ashby_lost_mid_pass_keeps_the_streams_stored_fails_one_leaves_the_rest_not_run_and_the_next_run_converges(DatabaseProvider provider)
    {
        // The interview stages are the one stream never asked for ahead of its turn: stopping Ashby at its first call
        // stops it after the streams before it committed, whatever the others had fetched ahead.
        var stages = MirrorStreams.InterviewStages;
        var at = MirrorStreams.All.ToList().IndexOf(stages);
        var planCalls = 0;
        SyncHarness? harness = null;
        await using var h = harness = await SyncHarness.StartAsync(provider, beforeEachRequest: async request =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/interviewPlan.list", StringComparison.Ordinal) && Interlocked.Increment(ref planCalls) == 1)
            {
                await harness!.StopEmulatorAsync();
            }
        });

        var broken = await h.SyncAsync();

        broken.Outcome.ShouldBe(SyncOutcome.Failed);
        broken.Error.ShouldNotBeNull().ShouldStartWith("Ashby could not be reached");
        broken.Streams.Take(at).ShouldAllBe(s => s.Outcome == StreamOutcome.Succeeded);
        broken.Streams[at].Stream.ShouldBe(stages.Name);
        broken.Streams[at].Outcome.ShouldBe(StreamOutcome.Failed);
        broken.Streams.Skip(at + 1).ShouldAllBe(s => s.Outcome == StreamOutcome.NotRun);
        planCalls.ShouldBe(SyncHarness.MaxRetries + 1);
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_users WHERE connection_id = @c", new { c = h.ConnectionId })).ShouldBeGreaterThan(0);

        await h.RestartEmulatorAsync();
        var next = await h.SyncAsync();

        next.Outcome.ShouldBe(SyncOutcome.Succeeded, next.Error);
        await h.AssertMirrorEqualsAshbyAsync();
        var runs = await new SyncHistory(h.Database).ListRunsAsync(h.ConnectionId, cancellationToken: TestContext.Current.CancellationToken);
        runs.Select(r => r.Outcome).ShouldBe([SyncOutcome.Succeeded, SyncOutcome.Failed]);
        runs[1].Streams.Count(s => s.Outcome == StreamOutcome.NotRun).ShouldBe(MirrorStreams.All.Count - at - 1);
    }
}
