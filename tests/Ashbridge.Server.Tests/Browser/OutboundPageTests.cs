using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Server.Tests.Members;
using Ashbridge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>The Outbound page in a real browser: set the endpoint (a refusal beside the field), the secret once with its copy button, rotating it, sending never-sent members, and sending a failed delivery again.</summary>
public class OutboundPageTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_sets_the_endpoint_copies_the_secret_rotates_it_sends_members_added_before_and_sends_a_failed_one_again()
    {
        var (ada, _, _) = await MemberSeed.ThreeAsync(Hub);
        await using var receiver = await WebhookReceiver.StartAsync();

        await Page.GotoAsync("/");
        if (Viewport.Width < 600) await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Page.Locator("#site-nav a[href='/outbound']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/outbound$"));
        await Expect(Page.Locator("#deliveries-empty")).ToContainTextAsync("No deliveries yet");
        await Expect(Page.Locator("#backlog")).ToContainTextAsync("3 active members were never sent");
        await AssertPageIsCleanAsync();

        // A refused address: the error beside the field, what was typed kept.
        await Page.GetByLabel("Webhook URL").FillAsync("hr.example.com/hooks");
        var refused = await Page.RunAndWaitForResponseAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Set endpoint" }).ClickAsync(), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        await Expect(Page.Locator("#url-error")).ToContainTextAsync("is not an http or https address");
        await Expect(Page.GetByLabel("Webhook URL")).ToHaveValueAsync("hr.example.com/hooks");
        await Expect(Page.GetByLabel("Webhook URL")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertPageIsCleanAsync();

        // Set: the secret shows once, with a copy button.
        await Page.GetByLabel("Webhook URL").FillAsync(receiver.Url("people"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set endpoint" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Endpoint set.");
        var secret = await Page.Locator("#secret").InnerTextAsync();
        secret.ShouldStartWith("whsec_");
        await Expect(Page.Locator("button[data-copy-target='secret']")).ToBeVisibleAsync();
        await Page.Locator("button[data-copy-target='secret']").ClickAsync();
        await Expect(Page.Locator("#announcer")).ToHaveTextAsync(new Regex("Copied|Selected"));
        await Expect(Page.Locator("#endpoint-facts")).ToContainTextAsync(receiver.Url("people"));
        await AssertPageIsCleanAsync();
        await Page.ReloadAsync();
        await Expect(Page.Locator("#secret")).ToHaveCountAsync(0); // shown once

        // Rotating asks first; cancelled, the secret stands; confirmed, a new one shows once.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rotate signing secret" }).ClickAsync();
        await Page.Locator("dialog.confirm").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(Page.Locator("#secret")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rotate signing secret" }).ClickAsync();
        await Page.Locator("dialog.confirm").GetByRole(AriaRole.Button, new() { Name = "Rotate secret" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("rotated");
        (await Page.Locator("#secret").InnerTextAsync()).ShouldNotBe(secret);

        // The three members added before the endpoint: sent in one go, after a confirmation.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the 3 members added before the endpoint existed" }).ClickAsync();
        await Expect(Page.Locator("dialog.confirm")).ToContainTextAsync("Send 3 members to your HR system?");
        await Page.Locator("dialog.confirm").GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("Queued 3 members for delivery");
        await Expect(Page.Locator("#backlog-none")).ToBeVisibleAsync();
        await Eventually.ValueAsync(() => Task.FromResult(receiver.On("people").Count), n => n == 3, TimeSpan.FromSeconds(30), "three deliveries");

        // One fails for good: its row offers "Send again", which queues it and it is delivered.
        using var admin = Hub.CreateClient();
        var log = await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/outbound/deliveries?state=delivered", Ct),
            page => page.GetProperty("total").GetInt32() == 3, TimeSpan.FromSeconds(30), "three delivered");
        var adaDelivery = log.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("memberId").GetInt64() == ada).GetProperty("id").GetInt64();
        await MemberSeed.FailAsync(Hub, adaDelivery);
        await Page.GotoAsync("/outbound");
        await Page.Locator(".tabs").GetByRole(AriaRole.Link, new() { Name = "Failed" }).ClickAsync();
        var row = Page.Locator($"#deliveries tr[data-delivery='{adaDelivery}']");
        await Expect(row).ToContainTextAsync("Failed");
        await Expect(row).ToContainTextAsync("The endpoint answered 500");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" })).ToBeVisibleAsync();
        await AssertPageIsCleanAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Send again delivery {adaDelivery}" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync($"Delivery {adaDelivery} is queued to be sent again.");
        await Expect(Page).ToHaveURLAsync(new Regex("/outbound\\?state=failed$"));
        await Eventually.ValueAsync(() => Task.FromResult(receiver.On("people").Count), n => n == 4, TimeSpan.FromSeconds(30), "the delivery sent again");

        // The member's page says when they were delivered.
        await Page.GotoAsync($"/members/{ada}");
        await Expect(Page.Locator("#delivery-state")).ToContainTextAsync("Delivered");
        await Expect(Page.Locator("#member-deliveries")).ToContainTextAsync("member.added");
        await AssertPageIsCleanAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "All deliveries" }).ClickAsync();
        await Page.Locator(".tabs").GetByRole(AriaRole.Link, new() { Name = "Delivered" }).ClickAsync();
        await Expect(Page.Locator("#deliveries tbody tr")).ToHaveCountAsync(3);
        await Page.Locator(".tabs").GetByRole(AriaRole.Link, new() { Name = "Pending" }).ClickAsync();
        await Expect(Page.Locator("#deliveries-empty")).ToContainTextAsync("No pending deliveries");
        await AssertPageIsCleanAsync();

        // Switching sending off is a save without a new secret.
        await Page.Locator(".tabs").GetByRole(AriaRole.Link, new() { Name = "All" }).ClickAsync();
        await Page.GetByLabel("Send members to it").UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save endpoint" }).ClickAsync();
        await Expect(Page.Locator("#flash")).ToContainTextAsync("not sent while it is off");
        await Expect(Page.Locator("#endpoint-facts")).ToContainTextAsync("Off");
        await Expect(Page.Locator("#secret")).ToHaveCountAsync(0);
    }
}

/// <summary>The same on a phone's screen (390 × 844).</summary>
public sealed class OutboundPagePhoneTests(BrowserFixture browser) : OutboundPageTests(browser)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };
}
