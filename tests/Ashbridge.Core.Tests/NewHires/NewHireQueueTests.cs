using System.Text.Json;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.NewHires;

public sealed class NewHireQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_hire_arriving_by_webhook_and_by_sync_becomes_exactly_one_pending_new_hire_with_every_default_field_mapped(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        var (applicationId, candidate) = await h.ActiveApplicationAsync();
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { startDate = "2027-02-01", salary = 123456, currencyCode = "EUR" });

        await h.DeliverHireAsync(applicationId);
        await h.DeliverHireAsync(applicationId); // Ashby's retry
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        await h.Webhooks.SyncAsync(SyncMode.Full);

        (await h.NewHireRowsAsync(applicationId)).ShouldBe(1);
        var hire = (await h.Review.ListAsync(h.ConnectionId, cancellationToken: Ct)).ShouldHaveSingleItem();
        hire.ApplicationId.ShouldBe(applicationId);
        hire.Status.ShouldBe(NewHireStatus.Complete, string.Join("; ", hire.Missing.Concat(hire.Problems)));

        var name = candidate.GetProperty("name").GetString()!.Split(' ');
        var jobJson = await JobAsync(h, applicationId);
        var department = await h.Webhooks.ScalarAsync<string>("SELECT name FROM mirror_departments WHERE id = @id", new { id = jobJson.GetProperty("departmentId").GetString() });
        var location = await h.Webhooks.ScalarAsync<string>("SELECT name FROM mirror_locations WHERE id = @id", new { id = jobJson.GetProperty("locationId").GetString() });
        hire.Values.ShouldBe(new Dictionary<string, string>
        {
            ["first_name"] = name[0],
            ["last_name"] = name[1],
            ["personal_email"] = Personal(candidate, "emailAddresses"),
            ["personal_phone"] = Personal(candidate, "phoneNumbers"),
            ["start_date"] = "2027-02-01",
            ["job_title"] = jobJson.GetProperty("title").GetString()!,
            ["department"] = department!,
            ["place_of_work"] = location!,
            ["salary_amount"] = "123456.00",
            ["salary_currency"] = "EUR",
            ["salary_period"] = "annual",
        }, ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Required_fields_cannot_be_switched_off_and_switched_off_fields_are_not_imported(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        var (applicationId, _) = await h.ActiveApplicationAsync();
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { startDate = "2027-02-01" });
        await h.DeliverHireAsync(applicationId);

        foreach (var required in new[] { "first_name", "last_name", "job_title", "personal_email" })
        {
            var refused = await Should.ThrowAsync<NewHireSettingsException>(() => h.Importer.SaveSettingsAsync(h.ConnectionId, NewHireSettings.Default with { DisabledFields = [required] }, null, Ct));
            refused.Message.ShouldContain("required and cannot be switched off");
        }

        await h.Importer.SaveSettingsAsync(h.ConnectionId, NewHireSettings.Default with { DisabledFields = ["personal_phone", "salary_amount", "department"] }, null, Ct);
        var hire = (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!;
        hire.Values.Keys.ShouldBe(["first_name", "last_name", "personal_email", "start_date", "job_title", "place_of_work"], ignoreOrder: true);
        hire.Missing.ShouldBeEmpty();
        hire.Status.ShouldBe(NewHireStatus.Complete);
        hire.Changes.ShouldBeEmpty(); // a mapping change is not Ashby changing the hire
        (await Should.ThrowAsync<NewHireInvalidException>(() => h.Review.SaveAsync(h.ConnectionId, applicationId, new Dictionary<string, string?> { ["salary_amount"] = "1" }, "admin@example.com", Ct)))
            .Message.ShouldContain("'salary_amount' is not a field of this new hire");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Custom_fields_and_compensation_types_convert_by_type_and_report_values_that_do_not_fit(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        var (applicationId, _) = await h.ActiveApplicationAsync();
        var bonus = await h.CustomFieldIdAsync("Offer", "Signing Bonus");
        var equity = await h.CustomFieldIdAsync("Offer", "Equity (shares)");
        var relocation = await h.CustomFieldIdAsync("Offer", "Relocation Package");
        await h.Importer.SaveSettingsAsync(h.ConnectionId, new NewHireSettings([],
            [
                new CustomMapping(CustomFieldSource.Offer, equity, "Equity shares", MemberFieldType.Number),
                new CustomMapping(CustomFieldSource.Offer, relocation, "Relocation", MemberFieldType.Boolean),
                new CustomMapping(CustomFieldSource.Offer, relocation, "Relocation date", MemberFieldType.Date),
            ],
            [new CompensationType("Signing bonus", bonus)]), null, Ct);

        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { offerFields = new Dictionary<string, object> { ["Signing Bonus"] = 15000, ["Equity (shares)"] = 500, ["Relocation Package"] = true } });
        await h.DeliverHireAsync(applicationId);

        var hire = (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!;
        hire.Values["compensation:Signing bonus"].ShouldBe("15000.00 USD");
        hire.Values["custom:Equity shares"].ShouldBe("500");
        hire.Values["custom:Relocation"].ShouldBe("true");
        hire.Values.ContainsKey("custom:Relocation date").ShouldBeFalse();
        hire.Problems.ShouldHaveSingleItem().ShouldBe("Relocation date: Ashby's 'Relocation Package' is 'true', which is not a date; fill it in by hand or change the mapping's type.");

        (await Should.ThrowAsync<NewHireInvalidException>(() => h.Review.SaveAsync(h.ConnectionId, applicationId, new Dictionary<string, string?> { ["custom:Relocation date"] = "next week" }, "admin@example.com", Ct)))
            .Problems.ShouldBe(["Relocation date: 'next week' is not a date (YYYY-MM-DD)."]);
        var saved = await h.Review.SaveAsync(h.ConnectionId, applicationId, new Dictionary<string, string?> { ["custom:Relocation date"] = "2027-01-15" }, "admin@example.com", Ct);
        saved.Values["custom:Relocation date"].ShouldBe("2027-01-15");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_hire_without_an_offer_shows_the_missing_start_date_and_fills_in_with_a_diff_when_the_offer_arrives_and_changes(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        var (applicationId, _) = await h.ActiveApplicationAsync();
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { withOffer = false });
        await h.DeliverHireAsync(applicationId);

        var waiting = (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!;
        waiting.Status.ShouldBe(NewHireStatus.MissingFields);
        waiting.Missing.ShouldBe(["start_date", "salary_amount", "salary_currency", "salary_period"]);
        waiting.Problems.ShouldContain(p => p.StartsWith("No accepted offer yet", StringComparison.Ordinal));

        var offer = await h.Webhooks.ControlAsync($"applications/{applicationId}/offer", new { startDate = "2027-03-01", salary = 90000 });
        await h.Webhooks.DeliverAsync("offerCreate", new System.Text.Json.Nodes.JsonObject { ["offer"] = offer!.DeepClone() });
        await h.Webhooks.DrainAsync();
        var arrived = (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!;
        arrived.Values["start_date"].ShouldBe("2027-03-01");
        arrived.Missing.ShouldBeEmpty();
        arrived.Status.ShouldBe(NewHireStatus.ChangedSinceReview);
        arrived.Changes.ShouldContain(c => c.Field == "start_date" && c.Before == null && c.After == "2027-03-01");

        await h.Review.SaveAsync(h.ConnectionId, applicationId, new Dictionary<string, string?>(), "admin@example.com", Ct);
        (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!.Status.ShouldBe(NewHireStatus.Complete);

        // The offer changes after the review: the reviewer sees exactly what changed.
        await h.Webhooks.ControlAsync($"offers/{offer["id"]}/revise", new { startDate = "2027-04-01", salary = 95000 });
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        var changed = (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!;
        changed.Status.ShouldBe(NewHireStatus.ChangedSinceReview);
        changed.Changes.Select(c => (c.Field, c.Before, c.After)).ShouldBe([("salary_amount", "90000.00", "95000.00"), ("start_date", "2027-03-01", "2027-04-01")]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_deleted_new_hire_stays_deleted_through_syncs_until_ashby_hires_again(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        var (applicationId, _) = await h.ActiveApplicationAsync();
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { });
        await h.DeliverHireAsync(applicationId);

        await h.Review.DeleteAsync(h.ConnectionId, applicationId, "admin@example.com", Ct);
        await h.DeliverHireAsync(applicationId);
        await h.Webhooks.SyncAsync(SyncMode.Full);
        await h.Importer.RefreshAsync(h.ConnectionId, everything: true, Ct);

        (await h.Review.ListAsync(h.ConnectionId, cancellationToken: Ct)).ShouldBeEmpty();
        var deleted = (await h.Review.ListAsync(h.ConnectionId, NewHireState.Deleted, Ct)).ShouldHaveSingleItem();
        deleted.DecidedBy.ShouldBe("admin@example.com");
        (await h.Audit.ListAsync(10, Ct)).ShouldContain(e => e.Action == "new-hire.delete" && e.Actor == "admin@example.com" && e.Target == $"{h.ConnectionId}/{applicationId}");
        await Should.ThrowAsync<NewHireNotFoundException>(() => h.Review.AddMemberAsync(h.ConnectionId, applicationId, "admin@example.com", Ct));

        // Ashby un-hires, then hires again: a new decision is needed.
        await h.Webhooks.ControlAsync($"applications/{applicationId}/stage", new { stageType = "Offer" });
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { });
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        (await h.Review.ListAsync(h.ConnectionId, cancellationToken: Ct)).ShouldHaveSingleItem().ApplicationId.ShouldBe(applicationId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pending_new_hire_whose_candidate_ashby_deletes_leaves_the_queue_with_an_audit_entry(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        var (applicationId, candidate) = await h.ActiveApplicationAsync();
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { });
        await h.DeliverHireAsync(applicationId);
        (await h.NewHireRowsAsync(applicationId)).ShouldBe(1);

        // Deletions reach the mirror only by webhook (no list reports them), and they change no row's last sighting.
        var candidateId = candidate.GetProperty("id").GetString()!;
        await h.Webhooks.ControlAsync($"candidates/{candidateId}/delete");
        await h.Webhooks.DeliverAsync("candidateDelete", new System.Text.Json.Nodes.JsonObject { ["candidate"] = new System.Text.Json.Nodes.JsonObject { ["id"] = candidateId } });
        await h.Webhooks.DrainAsync();

        (await h.NewHireRowsAsync(applicationId)).ShouldBe(0);
        var entry = (await h.Audit.ListAsync(20, Ct)).Where(e => e.Action == "new-hire.withdrawn").ShouldHaveSingleItem();
        entry.Detail.ShouldNotBeNull().ShouldContain("the application was deleted in Ashby");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pending_new_hire_that_ashby_unhires_leaves_the_queue_with_an_audit_entry_naming_the_edits_it_took(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        var (applicationId, candidate) = await h.ActiveApplicationAsync();
        var (kept, _) = await h.ActiveApplicationAsync(skip: 1);
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { });
        await h.Webhooks.ControlAsync($"applications/{kept}/hire", new { });
        await h.DeliverHireAsync(applicationId);
        await h.DeliverHireAsync(kept);
        await h.Review.SaveAsync(h.ConnectionId, applicationId, new Dictionary<string, string?> { [NewHireFields.JobTitle] = "Staff Engineer" }, "admin@example.com", Ct);

        await h.Webhooks.ControlAsync($"applications/{applicationId}/stage", new { stageType = "Offer" });
        await h.Webhooks.SyncAsync(SyncMode.Incremental);

        (await h.Review.ListAsync(h.ConnectionId, cancellationToken: Ct)).ShouldHaveSingleItem().ApplicationId.ShouldBe(kept);
        (await h.NewHireRowsAsync(applicationId)).ShouldBe(0);
        var entry = (await h.Audit.ListAsync(20, Ct)).Where(e => e.Action == "new-hire.withdrawn").ShouldHaveSingleItem();
        entry.Actor.ShouldBe(NewHireImporter.AshbyActor);
        entry.Target.ShouldBe($"{h.ConnectionId}/{applicationId}");
        entry.Detail.ShouldNotBeNull().ShouldStartWith(candidate.GetProperty("name").GetString()!);
        entry.Detail.ShouldContain("no longer Hired");
        entry.Detail.ShouldContain($"edits to {NewHireFields.JobTitle} went with it");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_queue_starts_where_it_is_told_old_hires_are_history_unless_the_start_is_moved_back(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        (await h.Review.ListAsync(h.ConnectionId, cancellationToken: Ct)).ShouldBeEmpty();
        var hired = await h.Webhooks.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_applications WHERE status = 'Hired' AND deleted_ms IS NULL");
        hired.ShouldBeGreaterThan(0);

        await h.Importer.SaveSettingsAsync(h.ConnectionId, NewHireSettings.Default, DateTimeOffset.UnixEpoch, Ct);
        (await h.Review.ListAsync(h.ConnectionId, cancellationToken: Ct)).Count.ShouldBe((int)hired);
    }

    private static async Task<JsonElement> JobAsync(NewHireHarness h, string applicationId)
    {
        var jobId = await h.Webhooks.ScalarAsync<string>("SELECT job_id FROM mirror_applications WHERE id = @applicationId", new { applicationId });
        return JsonDocument.Parse((await h.Webhooks.ScalarAsync<string>("SELECT raw_json FROM mirror_jobs WHERE id = @jobId", new { jobId }))!).RootElement;
    }

    private static string Personal(JsonElement candidate, string list) =>
        candidate.GetProperty(list).EnumerateArray().First(e => e.GetProperty("type").GetString() == "Personal").GetProperty("value").GetString()!;
}
