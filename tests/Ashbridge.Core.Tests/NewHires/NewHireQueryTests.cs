using Ashbridge.Core.NewHires;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.NewHires;

/// <summary>The queue as the pages and the API read it: search, filters, flags, sorting and pages; restoring and adding all complete.</summary>
public sealed class NewHireQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_queue_searches_filters_flags_sorts_and_pages_and_restores_and_adds_all_complete(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        await h.Importer.SaveSettingsAsync(h.ConnectionId, NewHireSettings.Default with { DisabledFields = ["personal_phone", "salary_amount"] }, null, Ct);
        var (early, earlyCandidate) = await h.ActiveApplicationAsync(0);
        var (late, lateCandidate) = await h.ActiveApplicationAsync(1);
        var (single, singleCandidate) = await h.ActiveApplicationAsync(2);
        await h.Webhooks.ControlAsync($"candidates/{earlyCandidate.GetProperty("id").GetString()}/edit", new { name = "Ann Lee" });
        await h.Webhooks.ControlAsync($"candidates/{lateCandidate.GetProperty("id").GetString()}/edit", new { name = "ann lee" });
        await h.Webhooks.ControlAsync($"candidates/{singleCandidate.GetProperty("id").GetString()}/edit", new { name = "Cy" });
        await h.Webhooks.ControlAsync($"applications/{early}/hire", new { startDate = "2020-01-06" });
        await h.Webhooks.ControlAsync($"applications/{late}/hire", new { startDate = "2031-02-01" });
        await h.Webhooks.ControlAsync($"applications/{single}/hire", new { startDate = "2031-03-01" });
        await h.Webhooks.SyncAsync(SyncMode.Incremental);

        Task<NewHireQueuePage> Query(NewHireQuery query) => h.Review.SearchAsync(h.ConnectionId, query, Ct);
        static string[] Ids(NewHireQueuePage page) => [.. page.Items.Select(i => i.NewHire.ApplicationId)];

        var all = await Query(new NewHireQuery());
        all.Total.ShouldBe(3);
        all.Counts.ShouldBe(new NewHireCounts(3, 0, 0));
        Ids(await Query(new NewHireQuery(Search: "LEE"))).ShouldBe([early, late], ignoreOrder: true);
        Ids(await Query(new NewHireQuery(Search: "ann  lee"))).Length.ShouldBe(2);
        Ids(await Query(new NewHireQuery(Status: NewHireStatus.MissingFields))).ShouldBe([single]);
        all.Items.Single(i => i.NewHire.ApplicationId == single).NewHire.Missing.ShouldBe(["last_name"]);

        var twins = await Query(new NewHireQuery(Flag: NewHireWarning.PossibleDuplicate));
        Ids(twins).ShouldBe([early, late], ignoreOrder: true);
        twins.Items.Single(i => i.NewHire.ApplicationId == early).Duplicates.ShouldBe(["pending hire ann lee"]);
        Ids(await Query(new NewHireQuery(Flag: NewHireWarning.StartDateInPast))).ShouldBe([early]);

        Ids(await Query(new NewHireQuery(Sort: NewHireSort.StartDate, Descending: false))).ShouldBe([early, late, single]);
        Ids(await Query(new NewHireQuery(Sort: NewHireSort.StartDate, Descending: true))).ShouldBe([single, late, early]);
        Ids(await Query(new NewHireQuery(Sort: NewHireSort.Name, Descending: true)))[0].ShouldBe(single);
        var second = await Query(new NewHireQuery(Sort: NewHireSort.StartDate, Descending: false, Page: 2, PageSize: 2));
        (second.Total, second.Page, second.Pages).ShouldBe((3, 2, 2));
        Ids(second).ShouldBe([single]);
        (await Query(new NewHireQuery(Page: 99, PageSize: 2))).Page.ShouldBe(2); // past the end: the last page

        // Deleted, then restored: pending again, and audited.
        await h.Review.DeleteAsync(h.ConnectionId, single, "reviewer@example.com", Ct);
        Ids(await Query(new NewHireQuery(NewHireState.Deleted))).ShouldBe([single]);
        (await Query(new NewHireQuery())).Counts.ShouldBe(new NewHireCounts(2, 0, 1));
        (await h.Review.RestoreAsync(h.ConnectionId, single, "reviewer@example.com", Ct)).State.ShouldBe(NewHireState.Pending);
        await Should.ThrowAsync<NewHireNotFoundException>(() => h.Review.RestoreAsync(h.ConnectionId, single, "reviewer@example.com", Ct));
        (await h.Audit.ListAsync(cancellationToken: Ct)).ShouldContain(e => e.Action == "new-hire.restore");

        // One twin added: the other is now a possible duplicate of a member.
        await h.Review.AddMemberAsync(h.ConnectionId, early, "reviewer@example.com", Ct);
        (await Query(new NewHireQuery(Flag: NewHireWarning.PossibleDuplicate))).Items.ShouldHaveSingleItem().Duplicates.ShouldBe(["member Ann Lee"]);

        var result = await h.Review.AddCompleteAsync(h.ConnectionId, "reviewer@example.com", Ct);
        result.Added.ShouldBe(["ann lee"]);
        result.NeedFields.ShouldBe(["Cy"]);
        result.Summary().ShouldBe("Added 1 member; 1 needs fields: Cy.");
        (await Query(new NewHireQuery())).Counts.ShouldBe(new NewHireCounts(1, 2, 0));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_a_value_equal_to_ashbys_is_not_an_override_and_refusals_name_the_field(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        var (applicationId, _) = await h.ActiveApplicationAsync();
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { startDate = "2031-02-01" });
        await h.DeliverHireAsync(applicationId);
        var hire = (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!;

        var saved = await h.Review.SaveAsync(h.ConnectionId, applicationId, new Dictionary<string, string?>
        {
            ["first_name"] = hire.Imported["first_name"], ["job_title"] = hire.Imported["job_title"] + " II",
        }, "reviewer@example.com", Ct);
        saved.Overrides.Keys.ShouldBe(["job_title"]);

        var refused = await Should.ThrowAsync<NewHireInvalidException>(() => h.Review.SaveAsync(h.ConnectionId, applicationId,
            new Dictionary<string, string?> { ["personal_email"] = "nobody", ["start_date"] = "soon" }, "reviewer@example.com", Ct));
        refused.Fields["personal_email"].ShouldBe("'nobody' is not an email address.");
        refused.Fields["start_date"].ShouldBe("'soon' is not a date (YYYY-MM-DD).");
        refused.Problems.ShouldContain("Employment start date: 'soon' is not a date (YYYY-MM-DD).");
    }
}
