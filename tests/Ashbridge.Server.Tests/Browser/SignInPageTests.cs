using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>The sign-in card: a wrong password says so and keeps the email; a locked account says until when.</summary>
public class SignInPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    private async Task SignOutAsync()
    {
        if (await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).IsVisibleAsync()) await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/signin$"));
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_keeps_the_email_typed()
    {
        await SignOutAsync();
        await Page.GetByLabel("Email").FillAsync(HubFactory.AdminEmail);
        await Page.GetByLabel("Password").FillAsync("not the password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That email and password do not match an active user");
        await Expect(Page.GetByLabel("Email")).ToHaveValueAsync(HubFactory.AdminEmail);
        await Expect(Page.GetByLabel("Password")).ToHaveValueAsync("");
        await Expect(Page.GetByLabel("Password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByLabel("Password")).ToBeFocusedAsync();
        await AssertPageIsCleanAsync();

        // Only the password to type again; the right one signs in.
        await Page.GetByLabel("Password").FillAsync(HubFactory.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connections$"));
    }

    [Fact]
    public async Task A_locked_account_says_it_is_locked_and_what_to_do()
    {
        await SignOutAsync();
        for (var i = 0; i < Core.Access.UserStore.FailuresBeforeLockout; i++)
        {
            await Page.GetByLabel("Password").FillAsync("not the password");
            await Page.GetByLabel("Email").FillAsync(HubFactory.AdminEmail);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("it is locked until");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ask an admin to reset the password");
        await Expect(Page.GetByLabel("Email")).ToHaveValueAsync(HubFactory.AdminEmail);
        await AssertPageIsCleanAsync();
    }

    [Fact]
    public async Task The_sign_in_form_has_the_browsers_autocomplete_hints_and_a_busy_button()
    {
        await SignOutAsync();
        await Expect(Page.GetByLabel("Email")).ToHaveAttributeAsync("autocomplete", "username");
        await Expect(Page.GetByLabel("Email")).ToHaveAttributeAsync("type", "email");
        await Expect(Page.GetByLabel("Password")).ToHaveAttributeAsync("autocomplete", "current-password");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveAttributeAsync("data-busy", "Signing in…");
        await Expect(Page.Locator(".signin.card")).ToBeVisibleAsync();
    }
}

/// <summary>The same on a phone.</summary>
public sealed class SignInPagePhoneTests(BrowserFixture browser) : SignInPageTests(browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
