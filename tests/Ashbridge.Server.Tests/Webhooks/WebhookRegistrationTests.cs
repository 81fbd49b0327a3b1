using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Webhooks;

/// <summary>An emulated Ashby with a full key and one that may read everything but write no webhooks.</summary>
public sealed class RegistrationEmulator : EmulatorFixture
{
    public const string FullKey = "registration-full-key";
    public const string ReadOnlyKey = "registration-read-only-key";

    protected override IReadOnlyList<EmulatorKey> Keys =>
    [
        EmulatorKey.Full(FullKey),
        new(ReadOnlyKey, "Reads only", [.. EmulatorKey.EveryPermission.Where(p => p != "apiKeysWrite")], AllowConfidential: true, AllowPrivateFields: true),
    ];
}

/// <summary>"Register the webhooks in Ashby": webhook.create with the Request URL and Secret Token, kept in step, removed on disconnect.</summary>
public sealed class WebhookRegistrationTests(RegistrationEmulator ashby) : HubTest, IClassFixture<RegistrationEmulator>
{

    [Fact]
    public async Task Registered_webhooks_are_pinged_deliver_after_a_secret_rotation_and_are_deleted_with_the_connection()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "hooked", apiKey = RegistrationEmulator.FullKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();

        using var registered = await Admin.PostAsJsonAsync("/api/connections/hooked/webhooks/registrations", new { }, Ct);

        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync(Ct));
        var webhooks = (await registered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("webhooks").EnumerateArray().ToList();
        webhooks.Select(w => w.GetProperty("webhookType").GetString()).ShouldContain("candidateHire");
        var inAshby = await EmulatorWebhooksAsync();
        inAshby.Count(w => w.GetProperty("requestUrl").GetString()!.EndsWith("/webhooks/ashby/hooked", StringComparison.Ordinal)).ShouldBe(webhooks.Count);
        var setup = await Admin.GetFromJsonAsync<JsonElement>("/api/connections/hooked/webhooks", Ct);
        setup.GetProperty("lastByType").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "ping").GetProperty("count").GetInt64().ShouldBe(webhooks.Count);

        // A second click makes nothing twice.
        using (var again = await Admin.PostAsJsonAsync("/api/connections/hooked/webhooks/registrations", new { }, Ct))
        {
            (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("webhooks").GetArrayLength().ShouldBe(webhooks.Count);
        }

        (await EmulatorWebhooksAsync()).Count.ShouldBe(inAshby.Count);

        // After a rotation, Ashby's deliveries still verify: the registered webhooks got the new secret.
        (await Admin.PostAsJsonAsync("/api/connections/hooked/webhooks/secret", new { }, Ct)).EnsureSuccessStatusCode();
        var application = await ActiveApplicationAsync();
        (await Admin.PostAsJsonAsync(new Uri(ashby.BaseUrl, $"_emulator/applications/{application}/hire"), new { }, Ct)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/connections/hooked/webhooks", Ct),
            s => s.GetProperty("recent").EnumerateArray().Any(e => e.GetProperty("action").GetString() == "candidateHire" && e.GetProperty("state").GetString() == "processed"),
            TimeSpan.FromSeconds(30), "the hire, signed with the new secret");
        (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/hooked/webhooks", Ct)).GetProperty("rejections").GetProperty("forged").GetInt64().ShouldBe(0);

        (await Admin.DeleteAsync(new Uri("/api/connections/hooked", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await EmulatorWebhooksAsync()).ShouldNotContain(w => w.GetProperty("requestUrl").GetString()!.EndsWith("/webhooks/ashby/hooked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_without_api_keys_write_is_told_what_to_grant_or_to_paste_by_hand()
    {
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "limited", apiKey = RegistrationEmulator.ReadOnlyKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();

        using var refused = await Admin.PostAsJsonAsync("/api/connections/limited/webhooks/registrations", new { }, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
        detail.ShouldContain("apiKeysWrite");
        detail.ShouldContain("paste the Request URL and Secret Token");
    }

    private async Task<List<JsonElement>> EmulatorWebhooksAsync() =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>(new Uri(ashby.BaseUrl, "_emulator/webhooks"), Ct)).EnumerateArray()];

    private async Task<string> ActiveApplicationAsync()
    {
        using var api = new HttpClient { BaseAddress = ashby.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(RegistrationEmulator.FullKey + ":")));
        using var response = await api.PostAsJsonAsync("application.list", new { status = "Active", limit = 1 }, Ct);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("results")[0].GetProperty("id").GetString()!;
    }
}
