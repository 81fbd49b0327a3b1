using Ashbridge.Core.AshbyUsers;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.AshbyUsers;

/// <summary>The access review on both databases: Ashby users matched by email to the hub's members and imported people.</summary>
public sealed class AccessReviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_case_of_the_review_is_found(DatabaseProvider provider)
    {
        await using var h = await UsersHarness.StartAsync(provider);
        await h.CreateUserAsync("known.member@example.com", "Known", "Member");
        await h.CreateUserAsync("imported.person@example.com", "Imported", "Person");
        await h.CreateUserAsync("left.company@example.com", "Left", "Company");
        await h.CreateUserAsync("stranger@example.com", "Stranger", "Danger");
        await h.CreateUserAsync("the.admin@example.com", "The", "Admin", GlobalRoles.OrganizationAdmin);
        var offboardedButGone = await h.CreateUserAsync("left.and.gone@example.com", "Left", "Gone");
        await h.ControlAsync($"users/{offboardedButGone}/deactivate");
        await h.SyncAsync(SyncMode.Incremental);
        await OrgChartSeed.InsertMemberAsync(h.Database, "Known", "Member", "Known.Member@example.com", "Engineer", cancellationToken: Ct);
        var left = await OrgChartSeed.InsertMemberAsync(h.Database, "Left", "Company", "left.company@example.com", "Engineer", cancellationToken: Ct);
        var gone = await OrgChartSeed.InsertMemberAsync(h.Database, "Left", "Gone", "left.and.gone@example.com", "Engineer", cancellationToken: Ct);
        await h.ExecuteAsync("UPDATE members SET offboarded_ms = 1 WHERE id IN (@left, @gone)", new { left, gone });
        await h.ExecuteAsync(
            "INSERT INTO org_people (email, name, imported_ms, user_state, created_ms, updated_ms) VALUES ('imported.person@example.com', 'Imported Person', 1, 'enabled', 1, 1)");
        var onTeam = (await h.Directory.AllAsync(h.Acme.Id, Ct)).First(u => u.IsEnabled && u.HiringTeams.Count > 0);

        var report = await h.Review.ReviewAsync(h.Acme.Id, Ct);

        string[] Emails(AccessFindingKind kind) => [.. report.Of(kind).Select(f => f.User.Email!)];
        Emails(AccessFindingKind.OffboardedStillEnabled).ShouldBe(["left.company@example.com"]);
        Emails(AccessFindingKind.NotInDirectory).ShouldContain("stranger@example.com");
        Emails(AccessFindingKind.NotInDirectory).ShouldNotContain("known.member@example.com");
        Emails(AccessFindingKind.NotInDirectory).ShouldNotContain("imported.person@example.com");
        Emails(AccessFindingKind.NotInDirectory).ShouldNotContain("left.company@example.com");
        Emails(AccessFindingKind.NotInDirectory).ShouldNotContain("left.and.gone@example.com"); // deactivated: no access to review
        Emails(AccessFindingKind.Privileged).ShouldContain("the.admin@example.com");
        Emails(AccessFindingKind.Privileged).ShouldNotContain("stranger@example.com");
        report.Of(AccessFindingKind.Privileged).ShouldAllBe(f => f.User.GlobalRole == GlobalRoles.OrganizationAdmin || f.User.GlobalRole == GlobalRoles.ElevatedAccess);
        // A year on, everyone on no team is idle; a user on a hiring team never is.
        Emails(AccessFindingKind.Idle).ShouldContain("stranger@example.com");
        Emails(AccessFindingKind.Idle).ShouldNotContain(onTeam.Email!);

        // Today the new users are not idle: their records just changed.
        var today = await new AccessReview(h.Database, h.Directory, TimeProvider.System).ReviewAsync(h.Acme.Id, Ct);
        today.Of(AccessFindingKind.Idle).ShouldNotContain(f => f.User.Email == "stranger@example.com");
    }
}
