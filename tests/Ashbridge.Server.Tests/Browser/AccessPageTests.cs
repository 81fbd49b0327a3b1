using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>An admin in a real browser makes a person and a token, sees the token once, revokes it, reads the audit log.</summary>
public sealed class AccessPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        _hub.StartServer();
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _hub.ClientOptions.BaseAddress.ToString() });
        _page = await _context.NewPageAsync();
        await ConnectionsPageTests.SignInAsync(_page);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_viewer_makes_a_read_only_token_sees_it_once_and_revokes_it()
    {
        await _page.GetByRole(AriaRole.Link, new() { Name = "Users and tokens" }).ClickAsync();
        var addUser = _page.Locator("#add-user");
        await addUser.GetByLabel("Email").FillAsync("reader@hub.test");
        await addUser.GetByLabel("Password").FillAsync("a long reader password");
        await addUser.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Expect(_page.Locator("#users")).ToContainTextAsync("reader@hub.test");

        var create = _page.Locator("#create-token");
        await create.GetByLabel("Name").FillAsync("dashboard");
        await create.GetByLabel("read-only").CheckAsync();
        await create.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var token = await _page.Locator("#new-token").InnerTextAsync();
        token.ShouldStartWith("abt_");
        await Expect(_page.Locator("#tokens")).ToContainTextAsync("read-only");

        using var script = _hub.CreateAnonymousClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await script.GetAsync(new Uri("/api/connections", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _page.GotoAsync("/access");
        await Expect(_page.Locator("#new-token")).ToHaveCountAsync(0); // shown once, on the answer that made it
        await _page.Locator("#tokens tr", new() { HasText = "dashboard" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("revoked");
        (await script.GetAsync(new Uri("/api/connections", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await _page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(_page.Locator("#audit")).ToContainTextAsync("token.revoke");
        await Expect(_page.Locator("#audit")).ToContainTextAsync("token.create");
        await Expect(_page.Locator("#audit")).ToContainTextAsync("user.add");
        await Expect(_page.Locator("#audit")).ToContainTextAsync("sign-in");
    }
}
