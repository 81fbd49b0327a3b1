using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>An admin in a real browser makes a person and a token, sees the token once, revokes it, reads the audit log.</summary>
public class AccessPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    private static readonly System.Text.RegularExpressions.Regex AccessUrl = new("/access$");

    /// <summary>Answers the confirmation dialog of a destructive action.</summary>
    private async Task ConfirmAsync(string button)
    {
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    /// <summary>Opens Users and tokens from the navigation, folded behind Menu on a phone.</summary>
    private async Task OpenFromNavigationAsync(string link)
    {
        var menu = Page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        if (await menu.IsVisibleAsync()) await menu.ClickAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_viewer_makes_a_read_only_token_sees_it_once_and_revokes_it()
    {
        await OpenFromNavigationAsync("Users and tokens");
        await AssertPageIsCleanAsync();
        var addUser = Page.Locator("#add-user");
        await addUser.GetByLabel("Email").FillAsync("reader@hub.test");
        await addUser.GetByLabel("Password").FillAsync("a long reader password");
        await addUser.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Expect(Page.Locator("#users")).ToContainTextAsync("reader@hub.test");

        var create = Page.Locator("#create-token");
        await create.GetByLabel("Name").FillAsync("dashboard");
        await create.GetByLabel("read-only").CheckAsync();
        await create.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(AccessUrl); // redirected: a refresh does not make another token
        var token = await Page.Locator("#new-token").InnerTextAsync();
        await AssertPageIsCleanAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy token" }).ClickAsync();
        await Expect(Page.Locator("#announcer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Copied|Selected"));
        token.ShouldStartWith("abt_");
        await Expect(Page.Locator("#tokens")).ToContainTextAsync("read-only");

        using var script = Hub.CreateAnonymousClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await script.GetAsync(new Uri("/api/connections", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Page.GotoAsync("/access");
        await Expect(Page.Locator("#new-token")).ToHaveCountAsync(0); // shown once, on the answer that made it
        await Page.Locator("#tokens tr", new() { HasText = "dashboard" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await ConfirmAsync("Revoke");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("revoked");
        await Expect(Page.Locator("#tokens tr", new() { HasText = "dashboard" })).ToContainTextAsync("revoked");
        (await script.GetAsync(new Uri("/api/connections", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await OpenFromNavigationAsync("Audit log");
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
        await ConfirmAsync("Disable");
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
        await ConfirmAsync("Disable");
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("only active admin");
        await AssertPageIsCleanAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await ConfirmAsync("Remove");
        await Expect(Page.Locator("#users")).Not.ToContainTextAsync("reader@hub.test");
        await reader.GotoAsync("/connections");
        await Expect(reader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));

        await OpenFromNavigationAsync("Audit log");
        foreach (var action in new[] { "user.role", "user.disable", "user.enable", "user.password.reset", "user.remove" })
        {
            await Expect(Page.Locator("#audit")).ToContainTextAsync(action);
        }
    }

    [Fact]
    public async Task Revoke_remove_and_disable_ask_first_and_cancel_leaves_everything_as_it_was()
    {
        using (var admin = Hub.CreateClient())
        {
            (await admin.PostAsJsonAsync("/api/users", new { email = "reader@hub.test", password = "a long reader password", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync("/api/tokens", new { name = "nightly export" }, Ct)).EnsureSuccessStatusCode();
        }

        await Page.GotoAsync("/access");
        var row = Page.Locator("#users tr", new() { HasText = "reader@hub.test" });
        var tokenRow = Page.Locator("#tokens tr", new() { HasText = "nightly export" });
        foreach (var (scope, button, question) in new[]
        {
            (row, "Disable", "Disable reader@hub.test?"),
            (row, "Remove", "Remove reader@hub.test?"),
            (tokenRow, "Revoke", "Revoke the token “nightly export”?"),
        })
        {
            await scope.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            var dialog = Page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync(question);
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
            await AssertPageIsCleanAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
        }

        await Page.ReloadAsync();
        await Expect(row).ToContainTextAsync("active");
        await Expect(tokenRow).ToContainTextAsync("active");
        await Expect(Page.Locator("#flash")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task After_each_change_the_address_is_the_page_again_so_a_refresh_repeats_nothing()
    {
        await Page.GotoAsync("/access");
        var addUser = Page.Locator("#add-user");
        await addUser.GetByLabel("Email").FillAsync("reader@hub.test");
        await addUser.GetByLabel("Password").FillAsync("a long reader password");
        await addUser.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(AccessUrl);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added reader@hub.test as viewer");
        await AssertPageIsCleanAsync();

        var reload = await Page.ReloadAsync();
        reload!.Request.Method.ShouldBe("GET");
        await Expect(Page.Locator("#flash")).ToHaveCountAsync(0); // shown once
        await Expect(Page.Locator("#users tr", new() { HasText = "reader@hub.test" })).ToHaveCountAsync(1);

        var row = Page.Locator("#users tr", new() { HasText = "reader@hub.test" });
        await row.GetByLabel("Role of reader@hub.test").SelectOptionAsync("Admin");
        await row.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(AccessUrl);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("reader@hub.test is now admin");
        await Expect(row.GetByLabel("Role of reader@hub.test")).ToHaveValueAsync("Admin");
    }

    [Fact]
    public async Task A_short_password_or_a_taken_email_is_explained_beside_the_field_and_what_was_typed_stays()
    {
        await Page.GotoAsync("/access");
        var addUser = Page.Locator("#add-user");
        await addUser.GetByLabel("Email").FillAsync("reader@hub.test");
        await addUser.GetByLabel("Password").FillAsync("short");
        await addUser.GetByLabel("Role").SelectOptionAsync("Finance");
        var refused = await Page.RunAndWaitForResponseAsync(
            () => addUser.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        var password = Page.Locator("#add-user").GetByLabel("Password");
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#add-password-error")).ToHaveTextAsync($"Use at least {Core.Access.UserStore.MinimumPasswordLength} characters; this one has 5.");
        await Expect(Page.Locator("#add-user")).Not.ToContainTextAsync("Parameter");
        await Expect(password).ToHaveValueAsync("");
        await Expect(Page.Locator("#add-user").GetByLabel("Email")).ToHaveValueAsync("reader@hub.test");
        await Expect(Page.Locator("#add-user").GetByLabel("Role")).ToHaveValueAsync("Finance");
        await AssertPageIsCleanAsync();

        await Page.Locator("#add-user").GetByLabel("Email").FillAsync(HubFactory.AdminEmail.ToUpperInvariant());
        await password.FillAsync("a long enough password");
        refused = await Page.RunAndWaitForResponseAsync(
            () => Page.Locator("#add-user").GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        await Expect(Page.Locator("#add-email-error")).ToContainTextAsync($"Someone already signs in as {HubFactory.AdminEmail}");
        await Expect(Page.Locator("#add-user").GetByLabel("Email")).ToHaveAttributeAsync("aria-describedby", "add-email-error");
        await AssertPageIsCleanAsync();

        var create = Page.Locator("#create-token");
        await create.GetByLabel("read-only").CheckAsync();
        refused = await Page.RunAndWaitForResponseAsync(
            () => create.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        await Expect(Page.Locator("#token-name-error")).ToContainTextAsync("Give the token a name");
        await Expect(Page.Locator("#create-token").GetByLabel("read-only")).ToBeCheckedAsync();
        await Expect(Page.Locator("#new-token")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#no-tokens")).ToContainTextAsync("No API tokens yet");
        await Page.Locator("#create-token").GetByLabel("Connection").SelectOptionAsync(new SelectOptionValue { Label = "demo" });
        await Page.Locator("#create-token").GetByLabel("Name").FillAsync("demo reader");
        await Page.Locator("#create-token").GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(Page.Locator("#tokens tr", new() { HasText = "demo reader" })).ToContainTextAsync("demo");
        await Expect(Page.Locator("#tokens tr", new() { HasText = "demo reader" })).ToContainTextAsync("read-only");
        await AssertPageIsCleanAsync();

        var row = Page.Locator("#users tr", new() { HasText = HubFactory.AdminEmail });
        await row.GetByLabel($"New password for {HubFactory.AdminEmail}").FillAsync("short");
        await row.GetByLabel($"New password for {HubFactory.AdminEmail}").EvaluateAsync("e => e.removeAttribute('minlength')");
        refused = await Page.RunAndWaitForResponseAsync(
            () => row.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        await Expect(row.GetByRole(AriaRole.Alert)).ToContainTextAsync("Use at least");
        await AssertPageIsCleanAsync();
    }
}

/// <summary>The same on a phone.</summary>
public sealed class AccessPagePhoneTests(BrowserFixture browser) : AccessPageTests(browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
