using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Access;

/// <summary>The audit log's filters and paging run in the database, the same on SQLite and PostgreSQL.</summary>
public sealed class AuditLogQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entries_filter_by_actor_action_and_target_and_page_newest_first(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var audit = new AuditLog(test.Database, TimeProvider.System);
        for (var i = 1; i <= 7; i++) await audit.WriteAsync("Admin@hub.test", "user.add", $"reader{i}@hub.test", "viewer", Ct);
        await audit.WriteAsync("other@hub.test", "token.create", "token 1 (100%_done)", null, Ct);
        await audit.WriteAsync("other@hub.test", "sign-in", null, "127.0.0.1", Ct);

        var first = await audit.SearchAsync(new AuditQuery(Action: "user.add", PageSize: 5), Ct);
        (first.Total, first.Page, first.Pages, first.Entries.Count).ShouldBe((7, 1, 2, 5));
        first.Entries[0].Target.ShouldBe("reader7@hub.test");
        var second = await audit.SearchAsync(new AuditQuery(Action: "user.add", Page: 2, PageSize: 5), Ct);
        second.Entries.Select(e => e.Target).ShouldBe(["reader2@hub.test", "reader1@hub.test"]);
        (await audit.SearchAsync(new AuditQuery(Action: "user.add", Page: 99, PageSize: 5), Ct)).Page.ShouldBe(2); // past the end: the last page

        (await audit.SearchAsync(new AuditQuery(Actor: "ADMIN"), Ct)).Total.ShouldBe(7);
        (await audit.SearchAsync(new AuditQuery(Target: "Reader3"), Ct)).Entries.Single().Target.ShouldBe("reader3@hub.test");
        (await audit.SearchAsync(new AuditQuery(Target: "100%_d"), Ct)).Entries.Single().Action.ShouldBe("token.create");
        (await audit.SearchAsync(new AuditQuery(Target: "r_"), Ct)).Total.ShouldBe(0); // _ and % are taken literally, not as wildcards
        (await audit.SearchAsync(new AuditQuery(Actor: "other", Action: "sign-in"), Ct)).Total.ShouldBe(1);
        var none = await audit.SearchAsync(new AuditQuery(Actor: "nobody"), Ct);
        (none.Total, none.Pages, none.Entries.Count).ShouldBe((0, 1, 0));
        (await audit.ActionsAsync(Ct)).ShouldBe(["sign-in", "token.create", "user.add"]);
    }
}
