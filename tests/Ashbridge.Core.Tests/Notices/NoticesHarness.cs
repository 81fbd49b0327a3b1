using Ashbridge.Core.Notices;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.Notices;

/// <summary>A fresh database with connection acme, a fake clock, and the notices wired as the hub wires them, e-mailing through <paramref name="smtpPort"/> when given.</summary>
internal sealed class NoticesHarness : IAsyncDisposable
{
    private NoticesHarness(TestDatabase test, long connectionId, int? smtpPort)
    {
        Test = test;
        ConnectionId = connectionId;
        Board = new NoticeBoard(test.Database, Clock);
        Policy = new OpenRolePolicy(test.Database, Clock);
        var smtp = smtpPort is { } port
            ? new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = "Ashbridge <hub@example.com>", Timeout = TimeSpan.FromSeconds(10) }
            : new SmtpOptions();
        Notifier = new Notifier(Board, new NoticeMailer(Options.Create(smtp)));
        ImportNotices = new OpenRoleImportNotices(test.Database, Policy, Notifier, Board);
        Staleness = new OpenRoleStaleness(test.Database, Policy, Notifier, Clock);
    }

    public TestDatabase Test { get; }

    public AshbridgeDatabase Database => Test.Database;

    public long ConnectionId { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public NoticeBoard Board { get; }

    public OpenRolePolicy Policy { get; }

    public Notifier Notifier { get; }

    public OpenRoleImportNotices ImportNotices { get; }

    public OpenRoleStaleness Staleness { get; }

    public static async Task<NoticesHarness> StartAsync(DatabaseProvider provider, int? smtpPort = null)
    {
        var test = await TestDatabase.CreateAsync(provider, TestContext.Current.CancellationToken);
        return new NoticesHarness(test, await OpenRoleRows.ConnectionAsync(test.Database, "acme"), smtpPort);
    }

    /// <summary>Saves acme's settings: who is e-mailed, and the staleness threshold.</summary>
    public Task SetAsync(IReadOnlyList<string> emails, TimeSpan? staleAfter = null, bool publicFeed = false) =>
        Policy.SaveAsync(ConnectionId, new OpenRoleSettings(false, publicFeed, staleAfter, emails), "admin@example.com", TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Test.DisposeAsync();
}
