using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Server.Tests.Webhooks;

/// <summary>
/// 10,000 genuine deliveries with 5% sent twice, 5% out of order and 1% forged ones among them, through eight senders
/// that retry like Ashby, while the hub is stopped and started again midway: every genuine event is stored once and
/// applied, every forgery refused, and the mirror ends equal to Ashby, changes made only through webhooks included.
/// </summary>
public sealed class WebhookChaosTests(EmulatorFixture ashby) : IClassFixture<EmulatorFixture>
{
    private const int Genuine = 10_000;
    private const int Senders = 8;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Delivery(byte[] Body, string Signature, bool Forged);

    [Fact]
    public async Task Ten_thousand_deliveries_with_duplicates_reordering_forgeries_and_a_restart_are_each_applied_once()
    {
        var folder = Directory.CreateTempSubdirectory("ashbridge-chaos-").FullName;
        var settings = new Dictionary<string, string?> { ["Ashbridge:Database"] = Path.Combine(folder, "ashbridge.db") };
        var random = new Random(20261125);
        HubFactory? hub = new(settings);
        try
        {
            hub.StartServer();
            var http = hub.CreateClient();
            (await http.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
            await Eventually.ValueAsync(() => http.GetFromJsonAsync<JsonElement>("/api/connections/acme/runs", Ct),
                r => r.GetArrayLength() > 0 && r[0].GetProperty("outcome").GetString() == "succeeded", TimeSpan.FromSeconds(60), "the first pass");
            var secret = (await http.GetFromJsonAsync<JsonElement>("/api/connections/acme/webhooks", Ct)).GetProperty("secretToken").GetString()!;

            // Ashby changes that only the webhooks will bring: 40 applications move on a stage.
            using var oracle = new MirrorOracle(ashby.BaseUrl, ashby.ApiKey);
            var applications = (await oracle.AshbyRowsAsync(MirrorStreams.Applications)).Keys.Order(StringComparer.Ordinal).ToList();
            var active = (await oracle.CallAsync("application.list", new JsonObject { ["status"] = "Active", ["limit"] = 40 })).GetProperty("results")
                .EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
            foreach (var id in active)
            {
                (await http.PostAsJsonAsync(new Uri(ashby.BaseUrl, $"_emulator/applications/{id}/stage"), new { stageType = "Offer" }, Ct)).EnsureSuccessStatusCode();
            }

            var deliveries = Schedule(random, secret, applications, active);
            var forgedSent = deliveries.Count(d => d.Forged);
            var queue = new ConcurrentQueue<Delivery>(deliveries);
            var acknowledged = 0;
            var forgedRetries = 0;
            var clients = new HttpClient[] { http };
            var restartAt = deliveries.Count / 2;
            var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            async Task SendAllAsync()
            {
                while (queue.TryDequeue(out var delivery))
                {
                    while (!await SendAsync(Volatile.Read(ref clients[0]), delivery))
                    {
                        if (delivery.Forged) Interlocked.Increment(ref forgedRetries);
                        // The hub is down or restarting: retry, as Ashby does, once it is back.
                        await Task.WhenAny(restarted.Task, Task.Delay(20, Ct));
                    }

                    Interlocked.Increment(ref acknowledged);
                }
            }

            var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAllAsync, Ct)).ToList();
            await Eventually.ValueAsync(() => Task.FromResult(Volatile.Read(ref acknowledged)), n => n >= restartAt, TimeSpan.FromSeconds(120), "half the deliveries");

            // Stop the hub with deliveries in flight and events unprocessed, then start it again on the same database.
            await hub.DisposeAsync();
            hub = new HubFactory(settings);
            hub.StartServer();
            var second = hub.CreateClient();
            Volatile.Write(ref clients[0], second);
            restarted.SetResult();
            await Task.WhenAll(senders);

            await Eventually.ValueAsync(
                async () => await ScalarAsync<long>(settings, "SELECT COUNT(*) FROM webhook_events WHERE state = 'pending'"),
                pending => pending == 0, TimeSpan.FromSeconds(120), "every event to be processed");

            (await ScalarAsync<long>(settings, "SELECT COUNT(*) FROM webhook_events")).ShouldBe(Genuine);
            (await ScalarAsync<long>(settings, "SELECT COUNT(*) FROM webhook_events WHERE state = 'processed'")).ShouldBe(Genuine);
            var rejections = await second.GetFromJsonAsync<JsonElement>("/api/connections/acme/webhooks", Ct);
            // A forgery refused just as the hub stopped may have lost its 401 on the way and been sent again: each attempt
            // that reached the hub is counted, so the count is the forgeries sent plus at most their retries.
            rejections.GetProperty("rejections").GetProperty("forged").GetInt64().ShouldBeInRange(forgedSent, forgedSent + Volatile.Read(ref forgedRetries));
            await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Path.Combine(folder, "ashbridge.db")), Ct);
            var acme = await ScalarAsync<long>(settings, "SELECT id FROM connections WHERE name = 'acme'");
            await oracle.AssertMirrorEqualsAshbyAsync(database, acme);
        }
        finally
        {
            if (hub is not null) await hub.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The genuine events (mostly application updates, the moved applications among them), then the disorder.</summary>
    private static List<Delivery> Schedule(Random random, string secret, List<string> applications, List<string> moved)
    {
        var list = new List<Delivery>(Genuine + 1000);
        for (var i = 0; i < Genuine; i++)
        {
            var application = i < moved.Count ? moved[i] : applications[random.Next(applications.Count)];
            var action = (i % 10) switch { 0 => "candidateStageChange", 1 => "applicationSubmit", _ => "applicationUpdate" };
            list.Add(Signed(secret, action, Guid.NewGuid().ToString(), application));
        }

        // 5% again later (same bytes, as Ashby re-sends), 5% swapped with a later one, 1% forgeries.
        foreach (var original in list.Where(_ => random.NextDouble() < 0.05).ToList()) list.Insert(random.Next(list.IndexOf(original), list.Count), original);
        for (var i = 0; i < Genuine / 20; i++)
        {
            var a = random.Next(list.Count - 1);
            var b = random.Next(a + 1, Math.Min(list.Count, a + 200));
            (list[a], list[b]) = (list[b], list[a]);
        }

        for (var i = 0; i < Genuine / 100; i++)
        {
            var forged = Signed("a-guessed-secret", "candidateHire", Guid.NewGuid().ToString(), applications[random.Next(applications.Count)]) with { Forged = true };
            list.Insert(random.Next(list.Count), forged);
        }

        return list;
    }

    private static Delivery Signed(string secret, string action, string webhookActionId, string application)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["webhookActionId"] = webhookActionId,
            ["action"] = action,
            ["data"] = new JsonObject { ["application"] = new JsonObject { ["id"] = application } },
        }.ToJsonString());
        return new Delivery(body, AshbyWebhookSignature.Sign(body, secret), false);
    }

    /// <summary>One attempt: true when Ashby would stop (2xx, or the 401 a forgery must get); false to retry.</summary>
    private static async Task<bool> SendAsync(HttpClient http, Delivery delivery)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/ashby/acme") { Content = new ByteArrayContent(delivery.Body) };
            request.Headers.TryAddWithoutValidation(AshbyWebhookSignature.HeaderName, delivery.Signature);
            using var response = await http.SendAsync(request, Ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized) return delivery.Forged ? true : throw new InvalidOperationException("A genuine delivery was refused.");
            if (delivery.Forged && response.IsSuccessStatusCode) throw new InvalidOperationException("A forged delivery was accepted.");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or ObjectDisposedException or TaskCanceledException && !Ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<T> ScalarAsync<T>(Dictionary<string, string?> settings, string sql)
    {
        await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(settings["Ashbridge:Database"]!), Ct);
        await using var connection = await database.ConnectAsync(Ct);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }
}
