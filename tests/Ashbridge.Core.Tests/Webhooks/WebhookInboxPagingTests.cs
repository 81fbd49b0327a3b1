using System.Text;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Webhooks;

/// <summary>The webhook inbox page's query: filtered by connection and state, paged newest first, in SQL on both databases.</summary>
public sealed class WebhookInboxPagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_are_filtered_by_connection_and_state_newest_first_without_bodies(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var acme = await AddConnectionAsync(test, "acme");
        var other = await AddConnectionAsync(test, "other");
        await using var parts = new InboxParts(test.Database, TimeProvider.System);
        for (var i = 0; i < 7; i++) await StoreAsync(parts.Intake, acme, $"a{i}", i % 2 == 0 ? WebhookEventState.Dead : WebhookEventState.Pending);
        await StoreAsync(parts.Intake, other, "o1", WebhookEventState.Dead);

        var first = await parts.Inbox.PageAsync([acme], null, 0, 3, Ct);
        first.Total.ShouldBe(7);
        first.Events.Select(e => e.WebhookActionId).ShouldBe(["a6", "a5", "a4"]);
        first.Events.ShouldAllBe(e => e.Body.Length == 0);
        first.Counts[WebhookEventState.Dead].ShouldBe(4);
        first.Counts[WebhookEventState.Pending].ShouldBe(3);
        first.Counts[WebhookEventState.Processed].ShouldBe(0);
        (await parts.Inbox.PageAsync([acme], null, 6, 3, Ct)).Events.Select(e => e.WebhookActionId).ShouldBe(["a0"]);

        var dead = await parts.Inbox.PageAsync([acme, other], WebhookEventState.Dead, 0, 10, Ct);
        dead.Total.ShouldBe(5);
        dead.Events.Select(e => e.WebhookActionId).ShouldBe(["o1", "a6", "a4", "a2", "a0"]);
        (await parts.Inbox.PageAsync([], null, 0, 10, Ct)).Total.ShouldBe(0);
    }

    private static async Task StoreAsync(WebhookIntakeStore intake, long connectionId, string id, WebhookEventState state)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["webhookActionId"] = id, ["action"] = "applicationUpdate", ["data"] = new System.Text.Json.Nodes.JsonObject() }.ToJsonString();
        (await intake.StoreAsync(connectionId, WebhookDelivery.Read(Encoding.UTF8.GetBytes(body)), body, state, Ct)).ShouldBe(IntakeOutcome.Stored);
    }

    private static async Task<long> AddConnectionAsync(TestDatabase test, string name)
    {
        await using var db = await test.Database.ConnectAsync(Ct);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(db,
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES (@name, 'http://127.0.0.1:1/', 'x', 0, 0) RETURNING id", new { name });
    }
}
