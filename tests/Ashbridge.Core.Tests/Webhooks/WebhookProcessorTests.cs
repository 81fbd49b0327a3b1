using System.Text.Json.Nodes;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Webhooks;

public sealed class WebhookProcessorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reordered_and_repeated_events_leave_the_mirror_at_ashbys_current_state(DatabaseProvider provider)
    {
        await using var h = await WebhookHarness.StartAsync(provider);
        var application = (await h.IdsAsync("SELECT id FROM mirror_applications WHERE status = 'Active' ORDER BY id LIMIT 1"))[0];
        await h.ControlAsync($"applications/{application}/stage", new { stageType = "Offer" });
        await h.ControlAsync($"applications/{application}/hire", new { startDate = "2027-02-01" });

        // The hire's event arrives first, the older stage change after it, and the hire again (a retry).
        var hire = Guid.NewGuid().ToString();
        await h.DeliverAsync("candidateHire", new JsonObject { ["application"] = new JsonObject { ["id"] = application, ["status"] = "Hired" } }, hire);
        await h.DeliverAsync("applicationUpdate", new JsonObject { ["application"] = new JsonObject { ["id"] = application, ["status"] = "Active" } });
        (await h.DeliverAsync("candidateHire", new JsonObject { ["application"] = new JsonObject { ["id"] = application } }, hire)).ShouldBe(IntakeOutcome.Duplicate);
        await h.DrainAsync();

        (await h.ScalarAsync<string>("SELECT status FROM mirror_applications WHERE id = @application", new { application })).ShouldBe("Hired");
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_offers WHERE application_id = @application AND deleted_ms IS NULL", new { application })).ShouldBeGreaterThan(0);
        (await h.Inbox.RecentAsync(h.Connection.Id, cancellationToken: Ct)).ShouldAllBe(e => e.State == WebhookEventState.Processed);
        (await h.Inbox.RecentAsync(h.Connection.Id, cancellationToken: Ct)).Count.ShouldBe(2);
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deletions_and_merges_that_lists_never_report_reach_the_mirror_from_webhooks(DatabaseProvider provider)
    {
        await using var h = await WebhookHarness.StartAsync(provider);
        var candidates = await h.IdsAsync("SELECT id FROM mirror_candidates ORDER BY id LIMIT 3");
        await h.ControlAsync($"candidates/{candidates[0]}/delete");
        await h.ControlAsync($"candidates/{candidates[1]}/merge", new { intoCandidateId = candidates[2] });

        await h.DeliverAsync("candidateDelete", new JsonObject { ["candidate"] = new JsonObject { ["id"] = candidates[0] } });
        await h.DeliverAsync("candidateMerge", new JsonObject
        {
            ["deletedCandidate"] = new JsonObject { ["id"] = candidates[1] },
            ["mergedCandidate"] = new JsonObject { ["id"] = candidates[2] },
        });
        await h.DrainAsync();

        (await h.ScalarAsync<long?>("SELECT deleted_ms FROM mirror_candidates WHERE id = @id", new { id = candidates[0] })).ShouldNotBeNull();
        (await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_applications WHERE candidate_id = @id AND deleted_ms IS NULL", new { id = candidates[0] })).ShouldBe(0);
        (await h.ScalarAsync<string>("SELECT merged_into_id FROM mirror_candidates WHERE id = @id", new { id = candidates[1] })).ShouldBe(candidates[2]);
        await h.AssertMirrorEqualsAshbyAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unreadable_event_goes_straight_to_the_dead_letters_and_types_nothing_uses_are_ignored(DatabaseProvider provider)
    {
        await using var h = await WebhookHarness.StartAsync(provider);
        await h.DeliverAsync("applicationUpdate", new JsonObject { ["application"] = new JsonObject { ["status"] = "Hired" } }); // no id
        await h.DeliverAsync("surveySubmit", new JsonObject { ["survey"] = new JsonObject() });

        await h.DrainAsync();

        var events = await h.Inbox.RecentAsync(h.Connection.Id, cancellationToken: Ct);
        var dead = events.Single(e => e.Action == "applicationUpdate");
        dead.State.ShouldBe(WebhookEventState.Dead);
        dead.LastError.ShouldNotBeNull().ShouldContain("data.application.id");
        events.Single(e => e.Action == "surveySubmit").State.ShouldBe(WebhookEventState.Ignored);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_ashby_refuses_is_retried_with_backoff_becomes_a_dead_letter_and_is_replayed_once_fixed(DatabaseProvider provider)
    {
        await using var h = await WebhookHarness.StartAsync(provider);
        var application = (await h.IdsAsync("SELECT id FROM mirror_applications WHERE status = 'Active' ORDER BY id LIMIT 1"))[0];
        await h.ControlAsync($"applications/{application}/hire", new { });
        await h.Connections.SetApiKeyAsync("acme", "a-revoked-key", Ct);
        await h.DeliverAsync("candidateHire", new JsonObject { ["application"] = new JsonObject { ["id"] = application } });

        for (var attempt = 1; attempt <= WebhookProcessor.Retries.MaxAttempts; attempt++)
        {
            await h.DrainAsync();
            var waiting = (await h.Inbox.RecentAsync(h.Connection.Id, cancellationToken: Ct)).Single();
            waiting.Attempts.ShouldBe(attempt);
            waiting.LastError.ShouldNotBeNull().ShouldContain("refused the API key");
            if (attempt < WebhookProcessor.Retries.MaxAttempts)
            {
                waiting.State.ShouldBe(WebhookEventState.Pending);
                (await h.Processor.ProcessDueAsync(Ct)).ShouldBe(0); // not due before its backoff
                h.Clock.Advance(TimeSpan.FromMinutes(5));
            }
        }

        (await h.Inbox.RecentAsync(h.Connection.Id, WebhookEventState.Dead, cancellationToken: Ct)).Count.ShouldBe(1);
        (await h.ScalarAsync<string>("SELECT status FROM mirror_applications WHERE id = @application", new { application })).ShouldBe("Active");

        await h.Connections.SetApiKeyAsync("acme", WebhookHarness.Key, Ct);
        await h.Backlog.Wake.WaitAsync(TimeSpan.Zero, h.Clock, Ct); // take the intake's notification
        (await h.Backlog.ReplayAsync(h.Connection.Id, cancellationToken: Ct)).ShouldBe(1);
        (await h.Backlog.Wake.WaitAsync(TimeSpan.Zero, h.Clock, Ct)).ShouldBeTrue(); // the replay wakes the processor's loop
        await h.DrainAsync();

        (await h.Inbox.RecentAsync(h.Connection.Id, cancellationToken: Ct)).Single().State.ShouldBe(WebhookEventState.Processed);
        (await h.ScalarAsync<string>("SELECT status FROM mirror_applications WHERE id = @application", new { application })).ShouldBe("Hired");
        await h.AssertMirrorEqualsAshbyAsync();
    }
}
