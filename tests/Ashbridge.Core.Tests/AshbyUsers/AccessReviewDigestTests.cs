using Ashbridge.Core.AshbyUsers;
using Ashbridge.Core.Notices;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.AshbyUsers;

/// <summary>The weekly access review e-mail on both databases: sent through SMTP once due, listing what changed, then not again for a week.</summary>
public sealed class AccessReviewDigestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_weekly_email_lists_the_changes_goes_once_a_week_and_bad_settings_are_refused(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync(Ct);
        await using var h = await UsersHarness.StartAsync(provider);
        var id = await h.CreateUserAsync("weekly.person@example.com", "Weekly", "Person");
        await h.SyncAsync(SyncMode.Incremental);
        await h.ControlAsync($"users/{id}/edit", new { globalRole = GlobalRoles.OrganizationAdmin });
        await h.SyncAsync(SyncMode.Incremental);
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var mailer = new NoticeMailer(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None, From = "Ashbridge <hub@example.com>", Timeout = TimeSpan.FromSeconds(10) }));
        var digest = new AccessReviewDigest(h.Database, h.Connections, h.Directory, h.Review, new Notifier(new NoticeBoard(h.Database, clock), mailer), clock);

        (await digest.SendDueAsync(Ct)).ShouldBe(0); // off until saved
        Should.Throw<ArgumentException>(() => digest.SaveAsync(h.Acme.Id, true, ["not-an-address"], "admin@example.com", Ct)).Message.ShouldContain("not an e-mail address");
        Should.Throw<ArgumentException>(() => digest.SaveAsync(h.Acme.Id, true, [], "admin@example.com", Ct));
        var saved = await digest.SaveAsync(h.Acme.Id, true, ["it@example.com", " IT@example.com "], "admin@example.com", Ct);
        saved.Recipients.ShouldBe(["it@example.com"]);

        (await digest.SendDueAsync(Ct)).ShouldBe(1);
        var message = (await smtp.WaitForMessagesAsync()).ShouldHaveSingleItem();
        message.ShouldContain("it@example.com");
        message.ShouldContain("Subject: [Ashbridge] acme: Ashby access review: 2 change(s)");
        message.ShouldContain("weekly.person@example.com");
        message.ShouldContain("role changed: Weekly Person <weekly.person@example.com> (Limited Access -> Organization Admin)");

        clock.Advance(TimeSpan.FromDays(6));
        (await digest.SendDueAsync(Ct)).ShouldBe(0);
        clock.Advance(TimeSpan.FromDays(1));
        (await digest.SendDueAsync(Ct)).ShouldBe(1);
        (await digest.SettingsAsync(h.Acme.Id, Ct)).LastSentAt.ShouldNotBeNull().ShouldBe(clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        (await h.Audit.ListAsync(10, Ct)).ShouldContain(e => e.Action == "users.review-email");
    }
}
