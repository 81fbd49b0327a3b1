using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>An admin in a real browser makes a person and a token, sees the token once, revokes it, reads the audit log.</summary>
public sealed class AccessPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task An_admin_adds_a_viewer_makes_a_read_only_token_sees_it_once_and_revokes_it()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Users and tokens" }).ClickAsync();
        var addUser = Page.Locator("#add-user");
        await addUser.GetByLabel("Email").FillAsync("reader@hub.test");
        await addUser.GetByLabel("Password").FillAsync("a long reader password");
        await addUser.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Expect(Page.Locator("#users")).ToContainTextAsync("reader@hub.test");

        var create = Page.Locator("#create-token");
        await create.GetByLabel("Name").FillAsync("dashboard");
        await create.GetByLabel("read-only").CheckAsync();
        await create.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var token = await Page.Locator("#new-token").InnerTextAsync();
        token.ShouldStartWith("abt_");
        await Expect(Page.Locator("#tokens")).ToContainTextAsync("read-only");

        using var script = Hub.CreateAnonymousClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await script.GetAsync(new Uri("/api/connections", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Page.GotoAsync("/access");
        await Expect(Page.Locator("#new-token")).ToHaveCountAsync(0); // shown once, on the answer that made it
        await Page.Locator("#tokens tr", new() { HasText = "dashboard" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("revoked");
        (await script.GetAsync(new Uri("/api/connections", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(Page.Locator("#audit")).ToContainTextAsync("token.revoke");
        await Expect(Page.Locator("#audit")).ToContainTextAsync("token.create");
        await Expect(Page.Locator("#audit")).ToContainTextAsync("user.add");
        await Expect(Page.Locator("#audit")).ToContainTextAsync("sign-in");
    }
}
