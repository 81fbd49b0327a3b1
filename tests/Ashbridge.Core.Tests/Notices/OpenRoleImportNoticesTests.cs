using Ashbridge.Core.Notices;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Notices;

/// <summary>
/// When an import of open roles ends, on both databases: a notice in the app and an e-mail that reaches a real SMTP
/// server (aiosmtpd) with the counts and the roles that came and went; nothing for a frequent import that changed
/// nothing; an alert for a failed one; and a mail server that is down costs the e-mail, never the notice or the import.
/// </summary>
public sealed class OpenRoleImportNoticesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manual_import_posts_a_notice_and_emails_the_counts_and_the_roles_that_came_and_went(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync(Ct);
        await using var hub = await NoticesHarness.StartAsync(provider, smtp.Port);
        await hub.SetAsync(["ops@example.com", "cto@example.com"]);
        var started = hub.Clock.GetUtcNow();
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-old", "Staff Accountant", started.AddDays(-3));
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-1", "Backend Engineer", started.AddSeconds(1));
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-2", "Product Designer", started.AddSeconds(1));
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-3", "Data Analyst", started.AddSeconds(1));
        await OpenRoleRows.RoleAsync(hub.Database, hub.ConnectionId, "p-gone", "Office Manager", started.AddDays(-10), closedAt: started.AddSeconds(1));
        var result = await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "manual", started, started.AddSeconds(2), created: 3, changed: 1, closed: 1);

        await hub.ImportNotices.ImportFinishedAsync(result, Ct);

        var notice = (await hub.Board.ListAsync(null, cancellationToken: Ct)).ShouldHaveSingleItem();
        notice.Kind.ShouldBe(NoticeKinds.OpenRolesImported);
        notice.Severity.ShouldBe(NoticeSeverity.Info);
        notice.Title.ShouldBe("Open roles imported: 3 new, 1 changed, 1 closed");
        notice.Body.ShouldContain("New:\n- Backend Engineer\n- Data Analyst\n- Product Designer");
        notice.Body.ShouldContain("Closed:\n- Office Manager");
        notice.Body.ShouldNotContain("Staff Accountant");
        notice.EmailedAt.ShouldNotBeNull();
        notice.EmailError.ShouldBeNull();

        var mail = (await smtp.WaitForMessagesAsync()).ShouldHaveSingleItem();
        mail.ShouldStartWith("X-Envelope-To: ops@example.com, cto@example.com");
        mail.ShouldContain("Subject: [Ashbridge] acme: Open roles imported: 3 new, 1 changed, 1 closed");
        mail.ShouldContain("From: Ashbridge <hub@example.com>");
        mail.ShouldContain("3 new, 1 changed and 1 closed open roles");
        mail.ShouldContain("- Backend Engineer");
        mail.ShouldContain("- Office Manager");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pass_and_webhook_imports_are_told_only_when_something_changed_scheduled_ones_always(DatabaseProvider provider)
    {
        await using var hub = await NoticesHarness.StartAsync(provider);
        var at = hub.Clock.GetUtcNow();

        await hub.ImportNotices.ImportFinishedAsync(await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "pass", at, at), Ct);
        await hub.ImportNotices.ImportFinishedAsync(await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "webhook", at, at), Ct);
        (await hub.Board.ListAsync(null, cancellationToken: Ct)).ShouldBeEmpty();

        await hub.ImportNotices.ImportFinishedAsync(await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "webhook", at, at, changed: 1), Ct);
        await hub.ImportNotices.ImportFinishedAsync(await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "schedule", at, at), Ct);

        (await hub.Board.ListAsync(null, cancellationToken: Ct)).Select(n => n.Title).ShouldBe(
            ["Open roles imported: 0 new, 0 changed, 0 closed", "Open roles imported: 0 new, 1 changed, 0 closed"], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failed_import_raises_an_error_notice_and_emails_what_failed_and_what_to_do(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync(Ct);
        await using var hub = await NoticesHarness.StartAsync(provider, smtp.Port);
        await hub.SetAsync(["ops@example.com"]);
        var at = hub.Clock.GetUtcNow();

        // Even a frequent (webhook) import is told when it fails.
        await hub.ImportNotices.ImportFinishedAsync(
            await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "webhook", at, at.AddSeconds(1), error: "The API key lacks the Jobs read permission."), Ct);

        var notice = (await hub.Board.ListAsync(null, cancellationToken: Ct)).ShouldHaveSingleItem();
        notice.Kind.ShouldBe(NoticeKinds.OpenRolesImportFailed);
        notice.Severity.ShouldBe(NoticeSeverity.Error);
        notice.Title.ShouldBe("Open roles import failed");
        notice.Body.ShouldContain("The API key lacks the Jobs read permission.");
        notice.Body.ShouldContain("Import now");
        var mail = (await smtp.WaitForMessagesAsync()).ShouldHaveSingleItem();
        mail.ShouldContain("Subject: [Ashbridge] acme: Open roles import failed");
        mail.ShouldContain("lacks the Jobs read permission");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mail_server_that_is_down_costs_the_email_only_the_notice_is_kept_with_why(DatabaseProvider provider)
    {
        var closedPort = ChildProcess.FreePort(); // nothing listens there
        await using var hub = await NoticesHarness.StartAsync(provider, closedPort);
        await hub.SetAsync(["ops@example.com"]);
        var at = hub.Clock.GetUtcNow();

        await hub.ImportNotices.ImportFinishedAsync(await OpenRoleRows.ImportAsync(hub.Database, hub.ConnectionId, "manual", at, at, created: 2), Ct);

        var notice = (await hub.Board.ListAsync(null, cancellationToken: Ct)).ShouldHaveSingleItem();
        notice.Title.ShouldBe("Open roles imported: 2 new, 0 changed, 0 closed");
        notice.EmailedAt.ShouldBeNull();
        notice.EmailError.ShouldNotBeNull();
        notice.EmailError.ShouldStartWith($"The e-mail could not be sent through 127.0.0.1:{closedPort}");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_mail_server_or_without_recipients_the_notice_is_in_the_app_only(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync(Ct);
        await using var withoutServer = await NoticesHarness.StartAsync(provider);
        await withoutServer.SetAsync(["ops@example.com"]);
        await using var withoutRecipients = await NoticesHarness.StartAsync(provider, smtp.Port);
        var at = withoutServer.Clock.GetUtcNow();

        await withoutServer.ImportNotices.ImportFinishedAsync(await OpenRoleRows.ImportAsync(withoutServer.Database, withoutServer.ConnectionId, "manual", at, at, created: 1), Ct);
        await withoutRecipients.ImportNotices.ImportFinishedAsync(await OpenRoleRows.ImportAsync(withoutRecipients.Database, withoutRecipients.ConnectionId, "manual", at, at, created: 1), Ct);

        foreach (var hub in new[] { withoutServer, withoutRecipients })
        {
            var notice = (await hub.Board.ListAsync(null, cancellationToken: Ct)).ShouldHaveSingleItem();
            notice.EmailedAt.ShouldBeNull();
            notice.EmailError.ShouldBeNull();
        }

        smtp.Messages().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_sign_in_is_recorded_and_logged_without_the_account_or_its_password()
    {
        await using var smtp = await SmtpTestServer.StartAsync(Ct); // offers no sign-in at all: MailKit refuses to send the credentials
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var logger = new ListLogger();
        var board = new NoticeBoard(test.Database, TimeProvider.System);
        var options = new SmtpOptions
        {
            Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None, From = "hub@example.com", UserName = "mailer-account", Password = "hunter2-secret",
        };
        var notifier = new Notifier(board, new NoticeMailer(Microsoft.Extensions.Options.Options.Create(options)), logger);

        var notice = await notifier.PostAsync(new NewNotice(null, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, "Open roles imported: 1 new, 0 changed, 0 closed", ""), ["ops@example.com"], Ct);

        notice.EmailedAt.ShouldBeNull();
        notice.EmailError.ShouldNotBeNull().ShouldContain($"127.0.0.1:{smtp.Port}");
        logger.Lines.ShouldHaveSingleItem().ShouldContain($"Notice {notice.Id} was kept but not e-mailed");
        foreach (var text in new[] { notice.EmailError, logger.Lines[0] })
        {
            text.ShouldNotContain("hunter2-secret");
            text.ShouldNotContain("mailer-account");
        }

        smtp.Messages().ShouldBeEmpty();
    }

    /// <summary>Keeps what is logged, formatted, for a test to read.</summary>
    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger<Notifier>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
