using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Ashbridge.Testing;
using Npgsql;

namespace Ashbridge.Server.Tests.Webhooks;

/// <summary>The inbox when its database is gone: 503 (which Ashby retries), never a 4xx, and the retry is stored.</summary>
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
            await SetConnectionsAllowedAsync(name, false);
            using (var refused = await PostAsync(ashbyHttp, body, WebhookSignature.Sign(secret, body)))
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

            await SetConnectionsAllowedAsync(name, true);
            using var retried = await PostAsync(ashbyHttp, body, WebhookSignature.Sign(secret, body));
            retried.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await retried.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString().ShouldBe("stored");
        }

        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Closes (or reopens) the database to new connections and ends the open ones: the hub sees its database gone.</summary>
    private static async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        await using var admin = new NpgsqlConnection(TestDatabase.PostgresServer());
        await admin.OpenAsync(Ct);
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE {database} ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync(Ct);
        }

        if (!allowed)
        {
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync(Ct);
        }

        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/ashby/acme") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        return await http.SendAsync(request, Ct);
    }
}
