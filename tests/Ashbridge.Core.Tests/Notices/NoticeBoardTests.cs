using Ashbridge.Core.Notices;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.Notices;

/// <summary>The notice board on both databases: posted notices listed newest first, counted while unread, marked read one by one or all, each caller seeing its connections' only.</summary>
public sealed class NoticeBoardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notices_are_listed_newest_first_counted_while_unread_and_marked_read_one_or_all(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var acme = await OpenRoleRows.ConnectionAsync(test.Database, "acme");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var board = new NoticeBoard(test.Database, clock);

        var first = await board.AddAsync(new NewNotice(acme, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, "Open roles imported: 1 new, 0 changed, 0 closed", "Body"), Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await board.AddAsync(new NewNotice(acme, NoticeKinds.OpenRolesImportFailed, NoticeSeverity.Error, "Open roles import failed", "Why"), Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        var third = await board.AddAsync(new NewNotice(null, NoticeKinds.OpenRolesStale, NoticeSeverity.Warning, "Hub-wide", "For all"), Ct);

        first.ConnectionName.ShouldBe("acme");
        first.CreatedAt.ShouldBe(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        first.IsRead.ShouldBeFalse();
        (await board.ListAsync(null, cancellationToken: Ct)).Select(n => n.Id).ShouldBe([third.Id, second.Id, first.Id]);
        (await board.CountUnreadAsync(null, Ct)).ShouldBe(3);

        clock.Advance(TimeSpan.FromMinutes(1));
        (await board.MarkReadAsync(second.Id, null, Ct)).ShouldBeTrue();
        var read = (await board.FindAsync(second.Id, null, Ct))!;
        read.ReadAt.ShouldBe(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(1));
        (await board.MarkReadAsync(second.Id, null, Ct)).ShouldBeTrue(); // read again: keeps its first time
        (await board.FindAsync(second.Id, null, Ct))!.ReadAt.ShouldBe(read.ReadAt);
        (await board.CountUnreadAsync(null, Ct)).ShouldBe(2);
        (await board.ListAsync(null, unreadOnly: true, cancellationToken: Ct)).Select(n => n.Id).ShouldBe([third.Id, first.Id]);
        (await board.MarkReadAsync(999_999, null, Ct)).ShouldBeFalse();

        (await board.MarkAllReadAsync(null, Ct)).ShouldBe(2);
        (await board.CountUnreadAsync(null, Ct)).ShouldBe(0);
        (await board.MarkAllReadAsync(null, Ct)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_caller_limited_to_one_connection_sees_and_marks_only_its_notices_and_the_hubs(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var acme = await OpenRoleRows.ConnectionAsync(test.Database, "acme");
        var globex = await OpenRoleRows.ConnectionAsync(test.Database, "globex");
        var board = new NoticeBoard(test.Database, TimeProvider.System);
        var acmes = await board.AddAsync(new NewNotice(acme, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, "acme's", ""), Ct);
        var globexs = await board.AddAsync(new NewNotice(globex, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, "globex's", ""), Ct);
        var hubs = await board.AddAsync(new NewNotice(null, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, "the hub's", ""), Ct);

        (await board.ListAsync([acme], cancellationToken: Ct)).Select(n => n.Id).ShouldBe([hubs.Id, acmes.Id], ignoreOrder: true);
        (await board.CountUnreadAsync([acme], Ct)).ShouldBe(2);
        (await board.FindAsync(globexs.Id, [acme], Ct)).ShouldBeNull();
        (await board.MarkReadAsync(globexs.Id, [acme], Ct)).ShouldBeFalse();
        (await board.MarkAllReadAsync([acme], Ct)).ShouldBe(2);
        (await board.FindAsync(globexs.Id, null, Ct))!.IsRead.ShouldBeFalse();
        (await board.CountUnreadAsync(null, Ct)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_emails_fate_is_recorded_on_the_notice(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var board = new NoticeBoard(test.Database, TimeProvider.System);
        var sent = await board.AddAsync(new NewNotice(null, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, "sent", ""), Ct);
        var failed = await board.AddAsync(new NewNotice(null, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, "failed", ""), Ct);

        await board.RecordEmailAsync(sent.Id, null, Ct);
        await board.RecordEmailAsync(failed.Id, "refused", Ct);

        var a = (await board.FindAsync(sent.Id, null, Ct))!;
        a.EmailedAt.ShouldNotBeNull();
        a.EmailError.ShouldBeNull();
        var b = (await board.FindAsync(failed.Id, null, Ct))!;
        b.EmailedAt.ShouldBeNull();
        b.EmailError.ShouldBe("refused");
    }
}
