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

    [Fact]
    public async Task An_admin_re_roles_disables_resets_and_removes_a_person_and_their_open_session_ends_at_once()
    {
        await Page.GotoAsync("/access");
        var addUser = Page.Locator("#add-user");
        await addUser.GetByLabel("Email").FillAsync("reader@hub.test");
        await addUser.GetByLabel("Password").FillAsync("a long reader password");
        await addUser.GetByLabel("Role").SelectOptionAsync("Viewer");
        await addUser.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Expect(Page.Locator("#users")).ToContainTextAsync("reader@hub.test");

        // The reader signs in elsewhere and keeps that page open.
        await using var readerContext = await Chromium.NewContextAsync(new() { BaseURL = Hub.ClientOptions.BaseAddress.ToString() });
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/signin");
        await reader.GetByLabel("Email").FillAsync("reader@hub.test");
        await reader.GetByLabel("Password").FillAsync("a long reader password");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(reader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connections$"));

        var row = Page.Locator("#users tr", new() { HasText = "reader@hub.test" });
        await row.GetByLabel("Role of reader@hub.test").SelectOptionAsync("Finance");
        await row.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("reader@hub.test is now finance");
        await reader.GotoAsync("/members");
        await Expect(reader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin")); // the role change ended the session

        await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(row).ToContainTextAsync("disabled");
        await row.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Expect(row).ToContainTextAsync("active");
        await row.GetByLabel("New password for reader@hub.test").FillAsync("a brand new reader password");
        await row.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("New password set for reader@hub.test");

        await reader.GetByLabel("Email").FillAsync("reader@hub.test");
        await reader.GetByLabel("Password").FillAsync("a brand new reader password");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(reader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/members$"));

        var admin = Page.Locator("#users tr", new() { HasText = HubFactory.AdminEmail });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("only active admin");

        await row.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(Page.Locator("#users")).Not.ToContainTextAsync("reader@hub.test");
        await reader.GotoAsync("/connections");
        await Expect(reader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));

        await Page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        foreach (var action in new[] { "user.role", "user.disable", "user.enable", "user.password.reset", "user.remove" })
        {
            await Expect(Page.Locator("#audit")).ToContainTextAsync(action);
        }
    }

    [Fact]
    public async Task A_wrong_password_says_so_on_the_sign_in_page()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Page.GetByLabel("Email").FillAsync(HubFactory.AdminEmail);
        await Page.GetByLabel("Password").FillAsync("not the password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match an active user");
    }
}
