using System.Text;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Ashbridge.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.Webhooks;

public sealed class WebhookInboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_event_is_stored_once_but_the_same_id_under_another_action_is_its_own_event(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        var inbox = WebhookInbox.For(test.Database, TimeProvider.System);
        var id = Guid.NewGuid().ToString();

        (await StoreAsync(inbox, connectionId, "candidateHire", id)).ShouldBe(IntakeOutcome.Stored);
        (await StoreAsync(inbox, connectionId, "candidateHire", id)).ShouldBe(IntakeOutcome.Duplicate);
        (await StoreAsync(inbox, connectionId, "applicationUpdate", id)).ShouldBe(IntakeOutcome.Stored); // a related webhook shares the id

        var events = await inbox.RecentAsync(connectionId, cancellationToken: Ct);
        events.Select(e => e.Action).ShouldBe(["applicationUpdate", "candidateHire"]);
        (await inbox.ActivityAsync(connectionId, Ct)).Select(a => (a.Action, a.Count)).ShouldBe([("applicationUpdate", 1L), ("candidateHire", 1L)], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_restarted_inbox_still_drops_what_was_stored_within_Ashbys_retry_window(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var id = Guid.NewGuid().ToString();
        (await StoreAsync(WebhookInbox.For(test.Database, clock), connectionId, "applicationUpdate", id)).ShouldBe(IntakeOutcome.Stored);

        // Ashby's last retry comes about 5.7 hours after the first attempt; the window keeps 48.
        clock.Advance(TimeSpan.FromHours(47));
        (await StoreAsync(WebhookInbox.For(test.Database, clock), connectionId, "applicationUpdate", id)).ShouldBe(IntakeOutcome.Duplicate);

        // Past the window SQLite has forgotten the key (no retry can be that late); PostgreSQL's unique index has not.
        clock.Advance(TimeSpan.FromHours(2));
        (await StoreAsync(WebhookInbox.For(test.Database, clock), connectionId, "applicationUpdate", id))
            .ShouldBe(provider == DatabaseProvider.Sqlite ? IntakeOutcome.Stored : IntakeOutcome.Duplicate);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_stores_an_event_it_carries_twice_once(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        var inbox = WebhookInbox.For(test.Database, TimeProvider.System);
        var (first, second) = (Delivery("candidateHire", Guid.NewGuid().ToString()), Delivery("candidateHire", Guid.NewGuid().ToString()));

        var outcomes = await inbox.StoreManyAsync([(connectionId, first.Delivery, first.Body, WebhookEventState.Pending), (connectionId, second.Delivery, second.Body, WebhookEventState.Pending),
            (connectionId, first.Delivery, first.Body, WebhookEventState.Pending)], Ct);

        outcomes.ShouldBe([IntakeOutcome.Stored, IntakeOutcome.Stored, IntakeOutcome.Duplicate]);
        (await inbox.RecentAsync(connectionId, cancellationToken: Ct)).Count.ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_secret_is_made_once_kept_encrypted_and_rotated_on_demand(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);

        var secret = await WebhookInbox.For(test.Database, TimeProvider.System).SecretAsync(connectionId, Ct);

        secret.Length.ShouldBeGreaterThanOrEqualTo(40);
        (await WebhookInbox.For(test.Database, TimeProvider.System).SecretAsync(connectionId, Ct)).ShouldBe(secret); // a restarted hub reads the same one
        await using (var connection = await test.Database.ConnectAsync(Ct))
        {
            var stored = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT secret_protected FROM webhook_settings");
            stored.ShouldNotBeNull().ShouldNotContain(secret);
        }

        var rotated = await WebhookInbox.For(test.Database, TimeProvider.System).RotateSecretAsync(connectionId, Ct);
        rotated.ShouldNotBe(secret);
        (await WebhookInbox.For(test.Database, TimeProvider.System).SecretAsync(connectionId, Ct)).ShouldBe(rotated);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refused_deliveries_are_counted_by_kind(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        var inbox = WebhookInbox.For(test.Database, TimeProvider.System);

        await inbox.RejectAsync(connectionId, SignatureCheck.Forged, Ct);
        await inbox.RejectAsync(connectionId, SignatureCheck.Forged, Ct);
        await inbox.RejectAsync(connectionId, SignatureCheck.Missing, Ct);

        var rejections = await inbox.RejectionsAsync(connectionId, Ct);
        (rejections.Forged, rejections.WithoutSignature).ShouldBe((2L, 1L));
        rejections.Last.ShouldBe("no Ashby-Signature header");
        rejections.LastAt.ShouldNotBeNull();
    }

    private static async Task<IntakeOutcome> StoreAsync(WebhookInbox inbox, long connectionId, string action, string id)
    {
        var (delivery, body) = Delivery(action, id);
        return await inbox.StoreAsync(connectionId, delivery, body, WebhookEventState.Pending, Ct);
    }

    private static (WebhookDelivery Delivery, string Body) Delivery(string action, string id)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["webhookActionId"] = id, ["action"] = action, ["data"] = new System.Text.Json.Nodes.JsonObject() }.ToJsonString();
        return (WebhookDelivery.Read(Encoding.UTF8.GetBytes(body)), body);
    }

    private static async Task<long> AddConnectionAsync(TestDatabase test)
    {
        await using var connection = await test.Database.ConnectAsync(Ct);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', 'http://127.0.0.1:1/', 'x', 0, 0) RETURNING id");
    }
}
