using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Server.Tests.Webhooks;

/// <summary>Every path of <c>POST /webhooks/ashby/{connection}</c>, over real HTTP, with the emulator as Ashby.</summary>
public sealed class WebhookIntakeTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    private HttpClient _ashbyApi = null!;
    private string _requestUrl = null!;
    private string _secret = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _ashbyApi = new HttpClient { BaseAddress = ashby.BaseUrl };
        _ashbyApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(ashby.ApiKey + ":")));
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        var setup = await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/webhooks", Ct);
        _requestUrl = setup.GetProperty("requestUrl").GetString()!;
        _secret = setup.GetProperty("secretToken").GetString()!;
    }

    public override async ValueTask DisposeAsync()
    {
        _ashbyApi.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Ashby_given_the_request_url_and_secret_pings_then_delivers_a_hire_that_reaches_the_mirror()
    {
        _requestUrl.ShouldBe(new Uri(Admin.BaseAddress!, "/webhooks/ashby/acme").ToString());
        var created = await CallAsync(_ashbyApi, "webhook.create", new { webhookType = "candidateHire", requestUrl = _requestUrl, secretToken = _secret });
        var info = await CallAsync(_ashbyApi, "webhook.info", new { webhookId = created.GetProperty("id").GetString() });
        info.GetProperty("enabled").GetBoolean().ShouldBeTrue(); // the ping was answered 2xx
        var application = await ActiveApplicationAsync();

        (await Admin.PostAsJsonAsync(new Uri(ashby.BaseUrl, $"_emulator/applications/{application}/hire"), new { startDate = "2027-03-01" }, Ct)).EnsureSuccessStatusCode();

        var setup = await Eventually.ValueAsync(
            () => Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/webhooks", Ct),
            s => s.GetProperty("recent").EnumerateArray().Any(e => e.GetProperty("action").GetString() == "candidateHire" && e.GetProperty("state").GetString() == "processed"),
            TimeSpan.FromSeconds(30), "the hire to be processed");
        setup.GetProperty("lastByType").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ShouldBe(["candidateHire", "ping"], ignoreOrder: true);
        // The demo connection mirrors an emulator of the same seed (the same ids): look at acme's row.
        (await ScalarAsync<string>(
            "SELECT status FROM mirror_applications WHERE id = @application AND connection_id = (SELECT id FROM connections WHERE name = 'acme')", new { application }))
            .ShouldBe("Hired");
    }

    [Fact]
    public async Task A_forged_or_unsigned_delivery_is_refused_with_401_counted_and_not_stored()
    {
        var body = Envelope("candidateHire", new JsonObject { ["application"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() } });

        using var forged = await PostAsync(body, AshbyWebhookSignature.Sign(body, "not-the-secret"));
        using var unsigned = await PostAsync(body, null);

        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unsigned.Content.ReadAsStringAsync(Ct)).ShouldContain("Secret Token");
        var setup = await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/webhooks", Ct);
        setup.GetProperty("rejections").GetProperty("forged").GetInt64().ShouldBe(1);
        setup.GetProperty("rejections").GetProperty("withoutSignature").GetInt64().ShouldBe(1);
        setup.GetProperty("recent").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_duplicate_is_answered_200_and_stored_once_and_a_ping_is_answered_and_kept_as_ignored()
    {
        var application = await ActiveApplicationAsync();
        var body = Envelope("applicationUpdate", new JsonObject { ["application"] = new JsonObject { ["id"] = application } });
        var ping = Envelope("ping", new JsonObject { ["webhookActionType"] = "ping" });

        using var first = await PostAsync(body, AshbyWebhookSignature.Sign(body, _secret));
        using var second = await PostAsync(body, AshbyWebhookSignature.Sign(body, _secret));
        using var pinged = await PostAsync(ping, AshbyWebhookSignature.Sign(ping, _secret));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString().ShouldBe("stored");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString().ShouldBe("duplicate");
        pinged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM webhook_events WHERE action = 'applicationUpdate'")).ShouldBe(1); // only acme receives webhooks here
        (await ScalarAsync<string>("SELECT state FROM webhook_events WHERE action = 'ping'")).ShouldBe("ignored");
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_event_is_kept_as_a_dead_letter_and_an_unknown_connection_is_404()
    {
        var garbage = Encoding.UTF8.GetBytes("{\"this is\": not json");

        using var response = await PostAsync(garbage, AshbyWebhookSignature.Sign(garbage, _secret));
        using var unknown = await PostAsync(garbage, AshbyWebhookSignature.Sign(garbage, _secret), "/webhooks/ashby/nobody");

        response.StatusCode.ShouldBe(HttpStatusCode.OK); // retrying cannot fix it; it is kept for a person to read
        var setup = await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/webhooks", Ct);
        var dead = setup.GetProperty("deadLetters").EnumerateArray().Single();
        dead.GetProperty("lastError").GetString()!.ShouldContain("not JSON");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("Request URL");
    }

    [Fact]
    public async Task A_signed_body_that_is_not_valid_utf8_is_answered_200_and_kept_base64_encoded_as_a_dead_letter()
    {
        // An envelope whose id holds a byte that is no UTF-8 (0xFF): signed, so Ashby (or whoever holds the secret) sent it.
        byte[] body = [.. "{\"webhookActionId\":\"a"u8, 0xFF, .. "\",\"action\":\"applicationUpdate\",\"data\":{}}"u8];

        using var response = await PostAsync(body, AshbyWebhookSignature.Sign(body, _secret));
        using var again = await PostAsync(body, AshbyWebhookSignature.Sign(body, _secret));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct)); // a 5xx would only bring the same bytes back
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString().ShouldBe("stored");
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString().ShouldBe("duplicate");
        var setup = await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/webhooks", Ct);
        var dead = setup.GetProperty("deadLetters").EnumerateArray().Single();
        dead.GetProperty("action").GetString().ShouldBe(WebhookDelivery.Unreadable);
        dead.GetProperty("lastError").GetString()!.ShouldContain("not valid UTF-8 (from byte 21); it is kept base64-encoded");
        // Kept exactly as signed: the stored text gives the bytes back.
        var stored = await ScalarAsync<string>("SELECT body FROM webhook_events WHERE state = 'dead'");
        stored.ShouldStartWith(WebhookDelivery.Base64Prefix);
        Convert.FromBase64String(stored![WebhookDelivery.Base64Prefix.Length..]).ShouldBe(body);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var huge = new byte[(int)global::Ashbridge.Server.Webhooks.WebhookIntake.MaxBodyBytes + 1];
        Array.Fill(huge, (byte)' ');

        // The hub refuses by Content-Length before reading. Sent at once, the body raced that answer: the hub closed the
        // connection while the client still wrote, and the client saw a broken pipe instead of the 413. With
        // "Expect: 100-continue" it waits for the hub's word first, as clients sending large bodies do.
        using var response = await PostAsync(huge, AshbyWebhookSignature.Sign(huge, _secret), expectContinue: true);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, string? path = null, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path ?? "/webhooks/ashby/acme") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation(AshbyWebhookSignature.HeaderName, signature);
        if (expectContinue) request.Headers.ExpectContinue = true;
        return await Admin.SendAsync(request, Ct);
    }

    private static byte[] Envelope(string action, JsonObject data) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["webhookActionId"] = Guid.NewGuid().ToString(), ["action"] = action, ["data"] = data }.ToJsonString());

    private static async Task<JsonElement> CallAsync(HttpClient client, string endpoint, object body)
    {
        using var response = await client.PostAsJsonAsync(endpoint, body, Ct);
        var envelope = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        envelope.GetProperty("success").GetBoolean().ShouldBeTrue(envelope.ToString());
        return envelope.GetProperty("results");
    }

    private async Task<string> ActiveApplicationAsync()
    {
        var list = await CallAsync(_ashbyApi, "application.list", new { status = "Active", limit = 1 });
        return list.EnumerateArray().First().GetProperty("id").GetString()!;
    }

    private async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Path.Combine(Hub.DataFolder, "ashbridge.db")), Ct);
        await using var connection = await database.ConnectAsync(Ct);
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }
}
