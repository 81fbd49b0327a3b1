using System.Text.Json;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.OpenRoles;

/// <summary>Open roles follow Ashby's postings through the mirror: real emulator over HTTP, both databases.</summary>
public sealed class OpenRoleImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_posting_published_updated_unpublished_and_deleted_is_followed_by_webhooks(DatabaseProvider provider)
    {
        await using var h = await OpenRoleHarness.StartAsync(provider);
        var (jobId, postingId) = await h.CreateJobAsync("Staff Platform Engineer");

        await h.DeliverAsync("jobCreate", "job", jobId);
        await h.DeliverAsync("jobPostingPublish", "jobPosting", postingId);
        var role = await h.RoleAsync(postingId);
        role.IsOpen.ShouldBeTrue();
        role.Title.ShouldBe("Staff Platform Engineer");
        role.JobId.ShouldBe(jobId);
        role.PostingState.ShouldBe("Published");
        role.DescriptionHtml.ShouldNotBeNull().ShouldContain("<strong>Staff Platform Engineer</strong>");
        role.DescriptionPlain.ShouldNotBeNull().ShouldContain("As a Staff Platform Engineer");
        role.PostingUrl.ShouldBe($"https://jobs.ashbyhq.com/northwind-labs/{postingId}");
        role.OpenOpenings.ShouldBe(1);
        (await h.ImportsAsync()).ShouldContain(i => i.Trigger == "webhook" && i.New == 1);

        await h.AshbyAsync("jobPosting.update", new
        {
            jobPostingId = postingId, title = "Principal Platform Engineer", description = new { type = "text/html", content = "<p>Own the <em>platform</em>.</p>" },
        });
        await h.DeliverAsync("jobPostingUpdate", "jobPosting", postingId);
        role = await h.RoleAsync(postingId);
        role.Title.ShouldBe("Principal Platform Engineer");
        role.DescriptionHtml.ShouldNotBeNull().ShouldContain("<p>Own the <em>platform</em>.</p>");
        role.DescriptionPlain.ShouldNotBeNull().ShouldContain("Own the platform.");
        (await h.ImportsAsync())[0].ShouldSatisfyAllConditions(i => i.Trigger.ShouldBe("webhook"), i => i.Changed.ShouldBe(1), i => i.New.ShouldBe(0));

        await h.Webhooks.ControlAsync($"job-postings/{postingId}/unpublish");
        await h.DeliverAsync("jobPostingUnpublish", "jobPosting", postingId);
        role = await h.RoleAsync(postingId);
        role.IsOpen.ShouldBeFalse();
        role.PostingState.ShouldBe("Unpublished");
        (await h.Catalog.ListAsync(h.ConnectionId, cancellationToken: Ct)).ShouldNotContain(r => r.PostingId == postingId);
        (await h.Catalog.ListAsync(h.ConnectionId, includeClosed: true, cancellationToken: Ct)).ShouldContain(r => r.PostingId == postingId);
        (await h.ImportsAsync())[0].Closed.ShouldBe(1);

        await h.Webhooks.ControlAsync($"job-postings/{postingId}/publish");
        await h.DeliverAsync("jobPostingPublish", "jobPosting", postingId);
        (await h.RoleAsync(postingId)).IsOpen.ShouldBeTrue(); // a re-publish opens the same role again

        await h.Webhooks.ControlAsync($"job-postings/{postingId}/delete");
        await h.DeliverAsync("jobPostingDelete", "jobPosting", postingId);
        role = await h.RoleAsync(postingId);
        role.IsOpen.ShouldBeFalse();
        role.PostingState.ShouldBe("Deleted");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_posting_published_updated_unpublished_and_deleted_is_followed_by_passes_alone(DatabaseProvider provider)
    {
        await using var h = await OpenRoleHarness.StartAsync(provider);
        var (_, postingId) = await h.CreateJobAsync("Data Engineer");

        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        (await h.RoleAsync(postingId)).ShouldSatisfyAllConditions(r => r.IsOpen.ShouldBeTrue(), r => r.Title.ShouldBe("Data Engineer"));
        (await h.ImportsAsync())[0].ShouldSatisfyAllConditions(i => i.Trigger.ShouldBe("pass"), i => i.New.ShouldBe(1));

        await h.AshbyAsync("jobPosting.update", new { jobPostingId = postingId, title = "Senior Data Engineer" });
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        (await h.RoleAsync(postingId)).Title.ShouldBe("Senior Data Engineer");

        await h.Webhooks.ControlAsync($"job-postings/{postingId}/unpublish");
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        (await h.RoleAsync(postingId)).ShouldSatisfyAllConditions(r => r.IsOpen.ShouldBeFalse(), r => r.PostingState.ShouldBe("Unpublished"));

        await h.Webhooks.ControlAsync($"job-postings/{postingId}/publish");
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        (await h.RoleAsync(postingId)).IsOpen.ShouldBeTrue();

        await h.Webhooks.ControlAsync($"job-postings/{postingId}/delete");
        await h.Webhooks.SyncAsync(SyncMode.Full); // no list reports a deletion: the full pass's sweep finds it
        (await h.RoleAsync(postingId)).ShouldSatisfyAllConditions(r => r.IsOpen.ShouldBeFalse(), r => r.PostingState.ShouldBe("Deleted"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_confidential_job_is_hidden_until_an_admin_opts_in_and_unlisted_postings_are_marked(DatabaseProvider provider)
    {
        await using var h = await OpenRoleHarness.StartAsync(provider);
        var (_, secret) = await h.CreateJobAsync("Chief of Staff (confidential)", confidential: true);
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        (await h.Catalog.FindAsync(h.ConnectionId, secret, Ct)).ShouldBeNull();

        await h.Policy.SaveAsync(h.ConnectionId, OpenRoleSettings.Default with { IncludeConfidential = true }, "admin@example.com", Ct);
        var import = await h.Imports.ImportNowAsync(h.ConnectionId, cancellationToken: Ct);
        import.ShouldSatisfyAllConditions(i => i.Succeeded.ShouldBeTrue(i.Error), i => i.New.ShouldBe(1), i => i.Trigger.ShouldBe("manual"));
        (await h.RoleAsync(secret)).ShouldSatisfyAllConditions(r => r.IsOpen.ShouldBeTrue(), r => r.IsConfidential.ShouldBeTrue());

        await h.Policy.SaveAsync(h.ConnectionId, OpenRoleSettings.Default, "admin@example.com", Ct);
        (await h.Imports.ImportNowAsync(h.ConnectionId, cancellationToken: Ct)).Closed.ShouldBe(1);
        (await h.RoleAsync(secret)).IsOpen.ShouldBeFalse();

        // The generated organisation has published postings that are not listed on the job board: roles, marked.
        var unlisted = await h.Webhooks.IdsAsync(
            "SELECT p.id FROM mirror_job_postings p JOIN mirror_jobs j ON j.connection_id = p.connection_id AND j.id = p.job_id " +
            "WHERE p.is_listed = false AND p.deleted_ms IS NULL AND j.status = 'Open' AND j.is_confidential = false");
        unlisted.ShouldNotBeEmpty();
        foreach (var id in unlisted) (await h.RoleAsync(id)).ShouldSatisfyAllConditions(r => r.IsOpen.ShouldBeTrue(), r => r.IsListed.ShouldBeFalse());
        (await h.Catalog.ListAsync(h.ConnectionId, listedOnly: true, cancellationToken: Ct)).ShouldNotContain(r => unlisted.Contains(r.PostingId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Openings_hiring_team_and_counts_are_mapped_from_the_mirror(DatabaseProvider provider)
    {
        await using var h = await OpenRoleHarness.StartAsync(provider);

        // The first full pass built every role: as many new as published postings of jobs that are not confidential.
        var first = (await h.ImportsAsync()).ShouldHaveSingleItem();
        var expected = 0;
        foreach (var id in await h.Webhooks.IdsAsync("SELECT id FROM mirror_job_postings WHERE deleted_ms IS NULL"))
        {
            var posting = await h.MirroredAsync("mirror_job_postings", id);
            var job = await h.MirroredAsync("mirror_jobs", posting.GetProperty("jobId").GetString()!);
            if (posting.GetProperty("publishedDate").ValueKind == JsonValueKind.String && !job.GetProperty("confidential").GetBoolean()) expected++;
        }

        first.ShouldSatisfyAllConditions(i => i.Trigger.ShouldBe("pass"), i => i.New.ShouldBe(expected), i => i.Changed.ShouldBe(0), i => i.Closed.ShouldBe(0));
        var roles = await h.Catalog.ListAsync(h.ConnectionId, cancellationToken: Ct);
        roles.Count.ShouldBe(expected);

        // A role whose job has an opening with target dates: every field of the opening, and the first open one's on the role.
        var role = roles.First(r => r.Openings.Any(o => o.State == "Open" && o.TargetStartDate is not null) && r.HiringManager is not null);
        foreach (var opening in role.Openings)
        {
            var json = await h.MirroredAsync("mirror_openings", opening.Id);
            var version = json.GetProperty("latestVersion");
            opening.State.ShouldBe(json.GetProperty("openingState").GetString());
            opening.Identifier.ShouldBe(version.GetProperty("identifier").GetString());
            opening.IsBackfill.ShouldBe(version.GetProperty("isBackfill").GetBoolean());
            opening.EmploymentType.ShouldBe(version.GetProperty("employmentType").GetString());
            opening.TargetStartDate.ShouldBe(version.TryGetProperty("targetStartDate", out var start) ? start.GetString()![..10] : null);
            opening.TargetHireDate.ShouldBe(version.TryGetProperty("targetHireDate", out var hire) ? hire.GetString()![..10] : null);
        }

        var firstOpen = role.Openings.First(o => o.State == "Open");
        role.OpeningState.ShouldBe("Open");
        role.TargetStartDate.ShouldBe(firstOpen.TargetStartDate);
        role.TargetHireDate.ShouldBe(firstOpen.TargetHireDate);
        role.IsBackfill.ShouldBe(firstOpen.IsBackfill);
        role.OpenOpenings.ShouldBe(role.Openings.Count(o => o.State == "Open"));

        // The hiring manager is the job's, named and addressed as the mirror's user.
        var jobJson = await h.MirroredAsync("mirror_jobs", role.JobId!);
        var managerId = jobJson.GetProperty("hiringTeam").EnumerateArray().First(m => m.GetProperty("role").GetString() == "Hiring Manager").GetProperty("userId").GetString();
        var user = await h.MirroredAsync("mirror_users", managerId!);
        role.HiringManager!.UserId.ShouldBe(managerId);
        role.HiringManager.Email.ShouldBe(user.GetProperty("email").GetString());
        role.HiringManager.Name.ShouldBe($"{user.GetProperty("firstName").GetString()} {user.GetProperty("lastName").GetString()}");
        role.HiringTeam.Count.ShouldBe(jobJson.GetProperty("hiringTeam").GetArrayLength());
        role.EmploymentType.ShouldNotBeNull();
        role.DepartmentName.ShouldBe(await h.Webhooks.ScalarAsync<string>("SELECT name FROM mirror_departments WHERE id = @id", new { id = jobJson.GetProperty("departmentId").GetString() }));
        role.PostedAt.ShouldNotBeNull();

        // Import now with nothing changed: recorded, manual, all zero; the observers hear of it, a failing one notwithstanding.
        var again = await h.Imports.ImportNowAsync(h.ConnectionId, cancellationToken: Ct);
        again.ShouldSatisfyAllConditions(i => i.Succeeded.ShouldBeTrue(i.Error), i => i.Trigger.ShouldBe("manual"), i => (i.New, i.Changed, i.Closed).ShouldBe((0, 0, 0)));
        (await h.Imports.FindLatestAsync(h.ConnectionId, Ct)).ShouldBe(again);
        (await h.Imports.FindLastRefreshedAsync(h.ConnectionId, Ct)).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(again.StartedAt);
        h.Observer.Results.ShouldContain(again);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failed_import_is_recorded_with_its_reason_and_changes_nothing(DatabaseProvider provider)
    {
        await using var h = await OpenRoleHarness.StartAsync(provider);
        var open = (await h.Catalog.ListAsync(h.ConnectionId, cancellationToken: Ct))[0];
        var before = Snapshot(await h.Catalog.ListAsync(h.ConnectionId, includeClosed: true, cancellationToken: Ct));
        var (_, postingId) = await h.CreateJobAsync("Solutions Architect");
        await h.Webhooks.ControlAsync($"job-postings/{open.PostingId}/unpublish");

        // A pass the importer does not follow brings both changes into the mirror; then the new posting goes from Ashby,
        // so jobPosting.info answers not found for it.
        var quiet = new SyncEngine(h.Webhooks.Database, TimeProvider.System);
        (await new ConnectionSync(h.Webhooks.Connections, h.Webhooks.Clients, quiet).RunAsync(h.ConnectionId, new SyncRequest(SyncMode.Incremental, "test"), null, Ct))
            .Outcome.ShouldBe(SyncOutcome.Succeeded);
        await h.Webhooks.ControlAsync($"job-postings/{postingId}/delete");

        var failed = await h.Importer.ImportAsync(h.ConnectionId, OpenRoleImporter.ManualTrigger, Ct);
        failed.Succeeded.ShouldBeFalse();
        failed.Error.ShouldNotBeNull().ShouldContain(postingId);
        failed.Error.ShouldContain("jobPosting.info");
        (await h.Imports.FindLastRefreshedAsync(h.ConnectionId, Ct)).ShouldNotBeNull().ShouldBeLessThan(failed.StartedAt); // a failure is no refresh
        (await h.ImportsAsync())[0].ShouldBe(failed);
        Snapshot(await h.Catalog.ListAsync(h.ConnectionId, includeClosed: true, cancellationToken: Ct)).ShouldBe(before); // the unpublished role is still open
        h.Observer.Results.ShouldContain(failed);

        await h.Webhooks.SyncAsync(SyncMode.Full); // the sweep marks the posting deleted; the import that follows succeeds
        (await h.RoleAsync(open.PostingId)).IsOpen.ShouldBeFalse();
        (await h.Catalog.FindAsync(h.ConnectionId, postingId, Ct)).ShouldBeNull();
    }

    /// <summary>What a role shows and when it last changed (the records hold lists, compared by reference).</summary>
    private static List<string> Snapshot(IReadOnlyList<OpenRole> roles) =>
        [.. roles.Select(r => $"{r.PostingId}|{r.Title}|{r.PostingState}|{r.UpdatedAt.ToUnixTimeMilliseconds()}|{r.ClosedAt?.ToUnixTimeMilliseconds()}")];
}
