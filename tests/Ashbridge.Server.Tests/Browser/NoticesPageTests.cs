using Ashbridge.Core.Notices;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The notices page in a real browser: the list with severity, time, connection, read or unread and the e-mail's fate;
/// the navigation's unread count; one notice marked read, the unread tab, then all marked read; e-mail off said so.
/// </summary>
public sealed class NoticesPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Notices_are_listed_and_marked_read_one_by_one_and_all_at_once_with_the_navigation_count_following()
    {
        var database = Hub.Services.GetRequiredService<AshbridgeDatabase>();
        var board = Hub.Services.GetRequiredService<NoticeBoard>();
        await Notices.DemoNotices.ClearAsync(Hub, Ct);
        var acme = await OpenRoleRows.ConnectionAsync(database, "acme");
        var imported = await board.AddAsync(new NewNotice(acme, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, "Open roles imported: 3 new, 1 changed, 2 closed", "New:\n- Backend Engineer"), Ct);
        await board.RecordEmailAsync(imported.Id, "The e-mail could not be sent through smtp.example.com:587: Connection refused", Ct);
        var failed = await board.AddAsync(new NewNotice(acme, NoticeKinds.OpenRolesImportFailed, NoticeSeverity.Error, "Open roles import failed", "The API key lacks the Jobs read permission."), Ct);
        await board.AddAsync(new NewNotice(acme, NoticeKinds.OpenRolesStale, NoticeSeverity.Warning, "Open roles are older than 6 hours", "What to do: import now."), Ct);

        await Page.GotoAsync("/notices");
        var count = Page.Locator(".site-nav [data-count='notices']");
        await Expect(count).ToHaveTextAsync("3");
        await Expect(Page.Locator("#email-off")).ToContainTextAsync("Ashbridge__Smtp__Host");
        var items = Page.Locator("#notices > li");
        await Expect(items).ToHaveCountAsync(3);
        await Expect(items.First).ToContainTextAsync("Open roles are older than 6 hours"); // newest first
        await Expect(items.First.Locator(".badge").First).ToHaveTextAsync("Warning");
        var failure = Page.Locator($"#notices > li[data-notice='{failed.Id}']");
        await Expect(failure.Locator(".badge").First).ToHaveTextAsync("Error");
        await Expect(failure).ToContainTextAsync("acme");
        await Expect(failure.Locator("time")).ToHaveCountAsync(1);
        await Expect(Page.Locator($"#notices > li[data-notice='{imported.Id}']")).ToContainTextAsync("not e-mailed: The e-mail could not be sent through smtp.example.com:587");
        await AssertPageIsCleanAsync();

        await failure.GetByRole(AriaRole.Button, new() { Name = "Mark read" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("The notice is marked read.");
        await Expect(Page.Locator($"#notices > li[data-notice='{failed.Id}']")).ToHaveAttributeAsync("data-read", "true");
        await Expect(Page.Locator($"#notices > li[data-notice='{failed.Id}']").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(count).ToHaveTextAsync("2");
        (await board.FindAsync(failed.Id, null, Ct))!.IsRead.ShouldBeTrue();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Unread" }).ClickAsync();
        await Expect(Page.Locator("#notices > li")).ToHaveCountAsync(2);
        await AssertPageIsCleanAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("2 notices marked read.");
        await Expect(count).ToBeHiddenAsync();
        await Expect(Page.Locator("#read-all-form")).ToHaveCountAsync(0);
        await Page.GotoAsync("/notices?unread=true");
        await Expect(Page.Locator("#notices-empty")).ToContainTextAsync("Nothing unread");
        await Page.GetByRole(AriaRole.Link, new() { Name = "All", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#notices > li[data-read='true']")).ToHaveCountAsync(3);
        await AssertPageIsCleanAsync();
    }
}
