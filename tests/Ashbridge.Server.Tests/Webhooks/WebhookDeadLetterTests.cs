using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Ashbridge.Testing;
using Npgsql;

namespace Ashbridge.Server.Tests.Webhooks;

/// <summary>
/// Signed bodies the database could not take as they are (bytes that are no UTF-8, a NUL, an action longer than its
/// column) are answered 200 and kept as dead letters on either database, never answered 503 for Ashby to send again.
/// </summary>
public sealed class WebhookDeadLetterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Signed_bodies_the_database_could_not_store_as_text_are_answered_200_and_listed_as_dead_letters(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        await using (var hub = new HubFactory(new() { ["Ashbridge:Database"] = test.Location.ConnectionString, ["Ashbridge:DataFolder"] = test.Folder }))
        {
            hub.StartServer();
            using var admin = hub.CreateClient();
            var secret = (await admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/webhooks", Ct)).GetProperty("secretToken").GetString()!;
            using var ashby = hub.CreateAnonymousClient();
            var bodies = new Dictionary<string, byte[]>
            {
                ["not valid UTF-8 (from byte 21)"] = [.. "{\"webhookActionId\":\"a"u8, 0xC3, 0x28, .. "\",\"action\":\"applicationUpdate\",\"data\":{}}"u8],
                ["holds a NUL byte (byte 20)"] = [.. "{\"webhookActionId\":\""u8, 0x00, .. "\",\"action\":\"applicationUpdate\",\"data\":{}}"u8],
                ["the action is not a name of up to 100 characters"] = Encoding.UTF8.GetBytes($"{{\"webhookActionId\":\"b\",\"action\":\"{new string('x', 150)}\",\"data\":{{}}}}"),
            };

            foreach (var body in bodies.Values)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/ashby/demo") { Content = new ByteArrayContent(body) };
                request.Headers.TryAddWithoutValidation(AshbyWebhookSignature.HeaderName, AshbyWebhookSignature.Sign(body, secret));
                using var response = await ashby.SendAsync(request, Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            }

            var dead = (await admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/webhooks", Ct)).GetProperty("deadLetters")
                .EnumerateArray().Select(d => d.GetProperty("lastError").GetString()!).ToList();
            dead.Count.ShouldBe(bodies.Count);
            foreach (var reason in bodies.Keys) dead.ShouldContain(d => d.Contains(reason, StringComparison.Ordinal));
        }

        NpgsqlConnection.ClearAllPools();
    }
}
