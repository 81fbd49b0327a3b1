using Ashbridge.Core.AshbyUsers;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.AshbyUsers;

/// <summary>Adding users to jobs' and applications' hiring teams against the emulator, on both databases; and every refusal decided before anything is sent.</summary>
public sealed class HiringTeamWritesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_user_found_by_email_joins_a_jobs_hiring_team_in_Ashby_and_the_mirror_shows_it(DatabaseProvider provider)
    {
        await using var h = await UsersHarness.StartAsync(provider);
        await h.CreateUserAsync("new.recruiter@example.com", "New", "Recruiter");
        await h.SyncAsync(SyncMode.Incremental);
        var jobId = await h.OpenJobAsync();
        var role = await h.RoleAsync();

        var outcome = await h.Writes.AddAsync(h.Acme.Id, new HiringTeamTarget(jobId, null, " New.Recruiter@example.com ", role.Id), "it@example.com", Ct);

        outcome.Succeeded.ShouldBeTrue(outcome.Refusal?.Message);
        outcome.Role.ShouldBe(role.Title);
        outcome.MirrorRefreshed.ShouldBeTrue();
        (await h.AshbyTeamAsync("job.info", "id", jobId)).ShouldContain(("new.recruiter@example.com", role.Title));
        var user = (await h.Directory.FindByEmailAsync(h.Acme.Id, "new.recruiter@example.com", Ct))!;
        user.HiringTeams.ShouldContain(s => s.Level == HiringTeamSeat.JobLevel && s.JobId == jobId && s.Role == role.Title);
        var audit = await h.Audit.ListAsync(10, Ct);
        audit.ShouldContain(e => e.Action == "hiring-team.add" && e.Actor == "it@example.com" && e.Detail!.Contains("new.recruiter@example.com", StringComparison.Ordinal));

        var removed = await h.Writes.RemoveAsync(h.Acme.Id, new HiringTeamTarget(jobId, null, "new.recruiter@example.com", role.Id), "it@example.com", Ct);
        removed.Succeeded.ShouldBeTrue(removed.Refusal?.Message);
        (await h.AshbyTeamAsync("job.info", "id", jobId)).ShouldNotContain(("new.recruiter@example.com", role.Title));
        (await h.Directory.FindByEmailAsync(h.Acme.Id, "new.recruiter@example.com", Ct))!.HiringTeams.ShouldBeEmpty();
        (await h.Audit.ListAsync(10, Ct)).ShouldContain(e => e.Action == "hiring-team.remove");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_user_joins_an_applications_hiring_team_in_Ashby_and_the_mirror_shows_it(DatabaseProvider provider)
    {
        await using var h = await UsersHarness.StartAsync(provider);
        await h.CreateUserAsync("app.reviewer@example.com", "App", "Reviewer");
        await h.SyncAsync(SyncMode.Incremental);
        var applicationId = await h.ActiveApplicationAsync();
        var role = await h.RoleAsync(1);

        var outcome = await h.Writes.AddAsync(h.Acme.Id, new HiringTeamTarget(null, applicationId, "app.reviewer@example.com", role.Id), "it@example.com", Ct);

        outcome.Succeeded.ShouldBeTrue(outcome.Refusal?.Message);
        (await h.AshbyTeamAsync("application.info", "applicationId", applicationId)).ShouldContain(("app.reviewer@example.com", role.Title));
        var seats = (await h.Directory.FindByEmailAsync(h.Acme.Id, "app.reviewer@example.com", Ct))!.HiringTeams;
        seats.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            s => s.Level.ShouldBe(HiringTeamSeat.ApplicationLevel),
            s => s.ApplicationId.ShouldBe(applicationId),
            s => s.Role.ShouldBe(role.Title),
            s => s.CandidateName.ShouldNotBeNullOrEmpty());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_key_without_the_write_permission_is_refused_before_the_call(DatabaseProvider provider)
    {
        await using var h = await UsersHarness.StartAsync(provider);
        var jobId = await h.OpenJobAsync();
        var applicationId = await h.ActiveApplicationAsync();
        var role = await h.RoleAsync();
        var email = (await h.IdsAsync("SELECT email FROM mirror_users WHERE connection_id = @id AND is_enabled = TRUE AND email IS NOT NULL ORDER BY id", new { id = h.ReadOnly.Id }))[0];
        var before = await h.AshbyTeamAsync("job.info", "id", jobId);

        var job = await h.Writes.AddAsync(h.ReadOnly.Id, new HiringTeamTarget(jobId, null, email, role.Id), "it@example.com", Ct);
        var application = await h.Writes.AddAsync(h.ReadOnly.Id, new HiringTeamTarget(null, applicationId, email, role.Id), "it@example.com", Ct);

        job.Refusal.ShouldNotBeNull().Kind.ShouldBe(HiringTeamRefusalKind.MissingPermission);
        job.Refusal.Message.ShouldContain("Organization write permission (organizationWrite)");
        job.Refusal.Message.ShouldStartWith("The connection's key lacks"); // from the stored key check, not from Ashby's answer
        application.Refusal.ShouldNotBeNull().Message.ShouldContain("Candidates write permission (candidatesWrite)");
        var choices = await h.Writes.ChoicesAsync(h.ReadOnly.Id, Ct);
        choices.JobLevelBlocked.ShouldNotBeNull();
        choices.ApplicationLevelBlocked.ShouldNotBeNull();
        (await h.Writes.ChoicesAsync(h.Acme.Id, Ct)).JobLevelBlocked.ShouldBeNull();
        (await h.AshbyTeamAsync("job.info", "id", jobId)).ShouldBe(before);
        (await h.Audit.ListAsync(10, Ct)).ShouldNotContain(e => e.Action.StartsWith("hiring-team", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_input_gets_a_clear_reason_and_nothing_is_sent(DatabaseProvider provider)
    {
        await using var h = await UsersHarness.StartAsync(provider);
        var deactivatedId = await h.CreateUserAsync("gone.user@example.com", "Gone", "User");
        await h.ControlAsync($"users/{deactivatedId}/deactivate");
        await h.CreateUserAsync("fine.user@example.com", "Fine", "User");
        var closed = (await h.ControlAsync("jobs", new { title = "Closed role" }))["id"]!.GetValue<string>();
        await h.ControlAsync($"jobs/{closed}/close");
        var confidential = (await h.ControlAsync("jobs", new { title = "Secret role", confidential = true }))["id"]!.GetValue<string>();
        await h.SyncAsync(SyncMode.Incremental);
        var open = await h.OpenJobAsync();
        var role = (await h.RoleAsync()).Id;
        var before = await h.AshbyTeamAsync("job.info", "id", open);

        async Task<HiringTeamRefusal> Refused(HiringTeamTarget target) =>
            (await h.Writes.AddAsync(h.Acme.Id, target, "it@example.com", Ct)).Refusal.ShouldNotBeNull();

        (await Refused(new(open, null, "nobody@example.com", role))).ShouldSatisfyAllConditions(
            r => r.Kind.ShouldBe(HiringTeamRefusalKind.UserNotFound), r => r.Message.ShouldContain("nobody@example.com"));
        (await Refused(new(open, null, "gone.user@example.com", role))).ShouldSatisfyAllConditions(
            r => r.Kind.ShouldBe(HiringTeamRefusalKind.UserDeactivated), r => r.Message.ShouldContain("deactivated"));
        (await Refused(new(closed, null, "fine.user@example.com", role))).Kind.ShouldBe(HiringTeamRefusalKind.JobClosed);
        (await Refused(new(confidential, null, "fine.user@example.com", role))).Kind.ShouldBe(HiringTeamRefusalKind.JobConfidential);
        (await Refused(new(open, null, "fine.user@example.com", Guid.NewGuid().ToString()))).ShouldSatisfyAllConditions(
            r => r.Kind.ShouldBe(HiringTeamRefusalKind.RoleNotFound), r => r.Message.ShouldContain("no longer", Case.Insensitive));
        (await Refused(new(Guid.NewGuid().ToString(), null, "fine.user@example.com", role))).Kind.ShouldBe(HiringTeamRefusalKind.JobNotFound);
        (await Refused(new(null, Guid.NewGuid().ToString(), "fine.user@example.com", role))).Kind.ShouldBe(HiringTeamRefusalKind.ApplicationNotFound);
        (await Refused(new(open, "both", "fine.user@example.com", role))).Kind.ShouldBe(HiringTeamRefusalKind.Invalid);
        (await Refused(new(null, null, "fine.user@example.com", role))).Kind.ShouldBe(HiringTeamRefusalKind.Invalid);
        (await Refused(new(open, null, " ", role))).Kind.ShouldBe(HiringTeamRefusalKind.Invalid);
        (await Refused(new(open, null, "fine.user@example.com", null))).Kind.ShouldBe(HiringTeamRefusalKind.Invalid);

        (await h.AshbyTeamAsync("job.info", "id", open)).ShouldBe(before);
        (await h.Audit.ListAsync(10, Ct)).ShouldNotContain(e => e.Action.StartsWith("hiring-team", StringComparison.Ordinal));
    }
}
