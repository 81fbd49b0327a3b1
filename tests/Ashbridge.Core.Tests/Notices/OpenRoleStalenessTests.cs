using Ashbridge.Core.Notices;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Notices;

/// <summary>The staleness alert on both databases, on a fake clock: raised once when the last good import is older than the threshold, not again, and again only after a newer good import has gone stale too.</summary>
public sealed class OpenRoleStalenessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stale_data_raises_one_warning_and_email_until_a_newer_import_succeeds(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync(Ct);
        await using var hub = await NoticesHarness.StartAsync(provider, smtp.Port);
        await hub.SetAsync(["ops@example.com"], staleAfter: TimeSpan.FromHours(6));
        var t0 = hub.Clock.GetUtcNow();
        await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "schedule", t0.AddSeconds(-5), t0);

        hub.Clock.Advance(TimeSpan.FromHours(5));
        (await hub.Staleness.CheckAsync(Ct)).ShouldBeEmpty();

        hub.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1)); // 6 h 1 min after the last good import
        var alert = (await hub.Staleness.CheckAsync(Ct)).ShouldHaveSingleItem();
        alert.Kind.ShouldBe(NoticeKinds.OpenRolesStale);
        alert.Severity.ShouldBe(NoticeSeverity.Warning);
        alert.Title.ShouldBe("Open roles are older than 6 hours");
        alert.Body.ShouldContain("2026-12-01 09:00 UTC");
        alert.EmailedAt.ShouldNotBeNull();
        (await smtp.WaitForMessagesAsync()).ShouldHaveSingleItem().ShouldContain("Subject: [Ashbridge] acme: Open roles are older than 6 hours");

        // Once: later checks, even much later, raise nothing more; a failed import does not count as fresh.
        hub.Clock.Advance(TimeSpan.FromHours(3));
        (await hub.Staleness.CheckAsync(Ct)).ShouldBeEmpty();
        var failed = await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "manual", hub.Clock.GetUtcNow(), hub.Clock.GetUtcNow(), error: "Ashby was unreachable.");
        await hub.ImportNotices.ImportFinishedAsync(failed, Ct);
        hub.Clock.Advance(TimeSpan.FromDays(2));
        (await hub.Staleness.CheckAsync(Ct)).ShouldBeEmpty();
        (await hub.Board.ListAsync(null, cancellationToken: Ct)).Count(n => n.Kind == NoticeKinds.OpenRolesStale).ShouldBe(1);

        // A newer good import clears it (the alert is marked read) and the data is fresh until it is 6 hours old again.
        var fresh = await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "manual", hub.Clock.GetUtcNow(), hub.Clock.GetUtcNow());
        await hub.ImportNotices.ImportFinishedAsync(fresh, Ct);
        (await hub.Board.FindAsync(alert.Id, null, Ct))!.IsRead.ShouldBeTrue();
        hub.Clock.Advance(TimeSpan.FromHours(5));
        (await hub.Staleness.CheckAsync(Ct)).ShouldBeEmpty();
        hub.Clock.Advance(TimeSpan.FromHours(2));
        (await hub.Staleness.CheckAsync(Ct)).ShouldHaveSingleItem().Id.ShouldNotBe(alert.Id);
        (await hub.Staleness.CheckAsync(Ct)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_threshold_or_no_good_import_yet_raises_nothing(DatabaseProvider provider)
    {
        await using var hub = await NoticesHarness.StartAsync(provider);
        var t0 = hub.Clock.GetUtcNow();
        await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "schedule", t0, t0);
        hub.Clock.Advance(TimeSpan.FromDays(30));
        (await hub.Staleness.CheckAsync(Ct)).ShouldBeEmpty(); // no threshold set

        var other = await OpenRoleRows.ConnectionAsync(hub.Database, "globex");
        await hub.Policy.SaveAsync(other, new(false, false, TimeSpan.FromHours(1), []), null, Ct);
        await OpenRoleRows.ImportAsync(hub.Database, other, "schedule", hub.Clock.GetUtcNow(), hub.Clock.GetUtcNow(), error: "failed");
        hub.Clock.Advance(TimeSpan.FromDays(1));
        (await hub.Staleness.CheckAsync(Ct)).ShouldBeEmpty(); // never imported well: new, not stale
    }

    [Fact]
    public void Thresholds_read_as_people_say_them()
    {
        OpenRoleStaleness.Duration(TimeSpan.FromMinutes(90)).ShouldBe("90 minutes");
        OpenRoleStaleness.Duration(TimeSpan.FromHours(1)).ShouldBe("1 hour");
        OpenRoleStaleness.Duration(TimeSpan.FromHours(6)).ShouldBe("6 hours");
        OpenRoleStaleness.Duration(TimeSpan.FromDays(2)).ShouldBe("2 days");
    }
}
