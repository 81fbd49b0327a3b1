using System.Diagnostics;
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
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ashbridge.Server.Tests.Webhooks;

/// <summary>
/// The inbox when its database is gone or locked: 503 (which Ashby retries) within Ashby's few seconds, never a 4xx,
/// and the retry is stored.
/// </summary>
public sealed class WebhookOutageTests(EmulatorFixture ashby) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_database_unreachable_a_delivery_gets_503_health_says_why_and_the_retry_is_stored_once_it_is_back()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, Ct);
        var name = new NpgsqlConnectionStringBuilder(test.Location.ConnectionString).Database!;
        byte[] body;
        string secret;
        await using (var hub = new HubFactory(new() { ["Ashbridge:Database"] = test.Location.ConnectionString, ["Ashbridge:DataFolder"] = test.Folder }))
        {
            hub.StartServer();
            using var http = hub.CreateClient();
            (await http.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
            secret = (await http.GetFromJsonAsync<JsonElement>("/api/connections/acme/webhooks", Ct)).GetProperty("secretToken").GetString()!;
            body = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["webhookActionId"] = Guid.NewGuid().ToString(),
                ["action"] = "applicationUpdate",
                ["data"] = new JsonObject { ["application"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() } },
            }.ToJsonString());

            using var ashbyHttp = hub.CreateAnonymousClient(); // Ashby signs; it carries no token
            await TestDatabase.SetConnectionsAllowedAsync(name, false, Ct);
            using (var refused = await PostAsync(ashbyHttp, body, AshbyWebhookSignature.Sign(body, secret)))
            {
                refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                refused.Headers.RetryAfter.ShouldNotBeNull();
                (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Ashby will retry");
            }

            using (var health = await ashbyHttp.GetAsync(new Uri("/healthz", UriKind.Relative), Ct))
            {
                health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable); // not ready: the database is gone
                // A session cannot be checked without the database, so this is what anyone sees: which check fails, not its detail.
                (await health.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("failing").EnumerateArray().Select(f => f.GetString()).ShouldContain("database");
            }

            await TestDatabase.SetConnectionsAllowedAsync(name, true, Ct);
            using var retried = await PostAsync(ashbyHttp, body, AshbyWebhookSignature.Sign(body, secret));
            retried.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await retried.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString().ShouldBe("stored");
        }

        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task With_the_sqlite_database_locked_by_another_writer_a_delivery_gets_503_within_5_seconds_and_the_retry_is_stored_once()
    {
        await using var hub = new HubFactory();
        hub.StartServer();
        using var admin = hub.CreateClient();
        var secret = (await admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/webhooks", Ct)).GetProperty("secretToken").GetString()!;
        using var ashbyHttp = hub.CreateAnonymousClient();
        var path = Path.Combine(hub.DataFolder, "ashbridge.db");

        // The intake is writing (its connection open, its recent keys read) before the lock is taken; the demo's first
        // pass may hold the lock for a moment, so this one is retried as Ashby would.
        var first = Envelope();
        await Eventually.ValueAsync(async () =>
        {
            using var response = await PostAsync(ashbyHttp, first, AshbyWebhookSignature.Sign(first, secret), "/webhooks/ashby/demo");
            return response.StatusCode;
        }, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "a first delivery to be stored");

        var body = Envelope();
        var id = JsonNode.Parse(body)!["webhookActionId"]!.GetValue<string>();
        await using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await other.OpenAsync(Ct);
            await using var lockHeld = (SqliteTransaction)await other.BeginTransactionAsync(Ct); // BEGIN IMMEDIATE: the write lock, held
            await other.ExecuteAsync("UPDATE connections SET updated_ms = updated_ms", transaction: lockHeld);

            var clock = Stopwatch.StartNew();
            using var refused = await PostAsync(ashbyHttp, body, AshbyWebhookSignature.Sign(body, secret), "/webhooks/ashby/demo");
            var answeredIn = clock.Elapsed;
            clock.Restart();
            using var forged = await PostAsync(ashbyHttp, body, AshbyWebhookSignature.Sign(body, "not-the-secret"), "/webhooks/ashby/demo");
            var forgedAnsweredIn = clock.Elapsed;
            TestContext.Current.TestOutputHelper?.WriteLine($"locked: delivery answered {(int)refused.StatusCode} in {answeredIn.TotalSeconds:F2} s, forgery {(int)forged.StatusCode} in {forgedAnsweredIn.TotalSeconds:F2} s");

            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter.ShouldNotBeNull();
            answeredIn.ShouldBeLessThan(TimeSpan.FromSeconds(5)); // Ashby's delivery timeout is short
            forged.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable); // it could not be counted: Ashby's retry is refused then
            forgedAnsweredIn.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        }

        using var retried = await PostAsync(ashbyHttp, body, AshbyWebhookSignature.Sign(body, secret), "/webhooks/ashby/demo");
        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(path), Ct);
        await using var connection = await database.ConnectAsync(Ct);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_events WHERE webhook_action_id = @id", new { id })).ShouldBe(1);
    }

    private static byte[] Envelope() => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["webhookActionId"] = Guid.NewGuid().ToString(),
        ["action"] = "applicationUpdate",
        ["data"] = new JsonObject { ["application"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() } },
    }.ToJsonString());

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body, string signature, string path = "/webhooks/ashby/acme")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(AshbyWebhookSignature.HeaderName, signature);
        return await http.SendAsync(request, Ct);
    }
}
