using Ashbridge.Core.Careers;
using Ashbridge.Core.Connections;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Notices;

/// <summary>The public careers feed's content on both databases: off by default, then listed open roles only (never unlisted, confidential or closed ones), with a tag that moves when a shown role changes and only then.</summary>
public sealed class CareersFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_feed_is_off_by_default_and_then_shows_listed_open_roles_only(DatabaseProvider provider)
    {
        await using var hub = await NoticesHarness.StartAsync(provider);
        var at = hub.Clock.GetUtcNow();
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-eng", "Backend Engineer", at, department: "Engineering", location: "Berlin", employmentType: "FullTime");
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-ana", "Analyst", at, department: null, location: null, employmentType: null);
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-unlisted", "Unlisted Role", at, listed: false);
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-secret", "Confidential Role", at, confidential: true); // the connection takes confidential roles in
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-closed", "Closed Role", at.AddDays(-2), closedAt: at);
        var feed = Feed(hub);

        (await feed.FindAsync("acme", Ct)).ShouldBeNull();
        (await feed.FindAsync("nobody", Ct)).ShouldBeNull();

        await hub.Policy.SaveAsync(hub.ConnectionId, new OpenRoleSettings(IncludeConfidential: true, PublicFeed: true, null, []), null, Ct);
        var content = (await feed.FindAsync("acme", Ct))!;

        content.Connection.ShouldBe("acme");
        content.Roles.Select(r => r.Title).ShouldBe(["Analyst", "Backend Engineer"]);
        content.Roles[1].ShouldBe(new CareersRole("p-eng", "Backend Engineer", "Engineering", "Berlin", "FullTime", "https://jobs.example.com/p-eng", at));
        content.ETag.ShouldMatch("^\"[0-9a-f]{32}\"$");
        (await feed.FindAsync("nobody", Ct)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_tag_moves_when_a_shown_role_changes_and_not_when_a_hidden_one_does(DatabaseProvider provider)
    {
        await using var hub = await NoticesHarness.StartAsync(provider);
        var at = hub.Clock.GetUtcNow();
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-eng", "Backend Engineer", at);
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-unlisted", "Unlisted Role", at, listed: false);
        await hub.SetAsync([], publicFeed: true);
        var feed = Feed(hub);
        var before = (await feed.FindAsync("acme", Ct))!.ETag;

        (await feed.FindAsync("acme", Ct))!.ETag.ShouldBe(before);
        await ExecuteAsync(hub, "UPDATE open_roles SET title = 'Renamed Hidden' WHERE posting_id = 'p-unlisted'");
        (await feed.FindAsync("acme", Ct))!.ETag.ShouldBe(before);
        await ExecuteAsync(hub, "UPDATE open_roles SET location_name = 'Paris' WHERE posting_id = 'p-eng'");
        (await feed.FindAsync("acme", Ct))!.ETag.ShouldNotBe(before);
    }

    private static CareersFeed Feed(NoticesHarness hub) => new(
        new ConnectionStore(hub.Database, SecretProtector.ForDataFolder(hub.Test.Folder), hub.Clock), hub.Policy, new OpenRoleCatalog(hub.Database));

    private static async Task ExecuteAsync(NoticesHarness hub, string sql)
    {
        await using var db = await hub.Database.ConnectAsync(Ct);
        await db.ExecuteAsync(sql);
    }
}
