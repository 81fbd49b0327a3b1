using System.Text;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Ashbridge.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.Webhooks;

/// <summary>The inbox's parts on one database: its Secret Tokens, its way in, its backlog and what the pages read.</summary>
internal sealed class InboxParts(AshbridgeDatabase database, TimeProvider clock) : IAsyncDisposable
{
    public WebhookSecrets Secrets { get; } = WebhookSecrets.For(database, clock);

    public WebhookBacklog Backlog { get; } = new(database, clock);

    public WebhookInbox Inbox { get; } = new(database);

    public WebhookIntakeStore Intake => _intake ??= new(database, Secrets, Backlog, clock);

    private WebhookIntakeStore? _intake;

    public ValueTask DisposeAsync() => _intake?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public sealed class WebhookInboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_stores_all_land_once_and_wake_the_backlog(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        await using var parts = new InboxParts(test.Database, TimeProvider.System);
        var ids = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid().ToString()).ToList();

        // Every event twice, from as many callers at once as there are deliveries: the old inbox threw on the second caller.
        // One store for every caller, as the hub's container gives it: the harness makes its parts lazily.
        var intake = parts.Intake;
        var outcomes = await Task.WhenAll(ids.Concat(ids).Select(id => Task.Run(() => StoreAsync(intake, connectionId, "applicationUpdate", id), Ct)));

        outcomes.Count(o => o == IntakeOutcome.Stored).ShouldBe(ids.Count);
        outcomes.Count(o => o == IntakeOutcome.Duplicate).ShouldBe(ids.Count);
        var stored = await parts.Inbox.RecentAsync(connectionId, limit: 1000, cancellationToken: Ct);
        stored.Select(e => e.WebhookActionId).ShouldBe(ids, ignoreOrder: true);
        (await parts.Backlog.DueAsync(1000, Ct)).Count.ShouldBe(ids.Count);
        (await parts.Backlog.Wake.WaitAsync(TimeSpan.Zero, TimeProvider.System, Ct)).ShouldBeTrue(); // notified after the commit
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_event_is_stored_once_but_the_same_id_under_another_action_is_its_own_event(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        await using var parts = new InboxParts(test.Database, TimeProvider.System);
        var id = Guid.NewGuid().ToString();

        (await StoreAsync(parts.Intake, connectionId, "candidateHire", id)).ShouldBe(IntakeOutcome.Stored);
        (await StoreAsync(parts.Intake, connectionId, "candidateHire", id)).ShouldBe(IntakeOutcome.Duplicate);
        (await StoreAsync(parts.Intake, connectionId, "applicationUpdate", id)).ShouldBe(IntakeOutcome.Stored); // a related webhook shares the id

        var events = await parts.Inbox.RecentAsync(connectionId, cancellationToken: Ct);
        events.Select(e => e.Action).ShouldBe(["applicationUpdate", "candidateHire"]);
        (await parts.Inbox.ActivityAsync(connectionId, Ct)).Select(a => (a.Action, a.Count)).ShouldBe([("applicationUpdate", 1L), ("candidateHire", 1L)], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_restarted_inbox_still_drops_what_was_stored_within_Ashbys_retry_window(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var id = Guid.NewGuid().ToString();
        (await StoreRestartedAsync(test, clock, connectionId, id)).ShouldBe(IntakeOutcome.Stored);

        // Ashby's last retry comes about 5.7 hours after the first attempt; the window keeps 48.
        clock.Advance(TimeSpan.FromHours(47));
        (await StoreRestartedAsync(test, clock, connectionId, id)).ShouldBe(IntakeOutcome.Duplicate);

        // Past the window SQLite has forgotten the key (no retry can be that late); PostgreSQL's unique index has not.
        clock.Advance(TimeSpan.FromHours(2));
        (await StoreRestartedAsync(test, clock, connectionId, id))
            .ShouldBe(provider == DatabaseProvider.Sqlite ? IntakeOutcome.Stored : IntakeOutcome.Duplicate);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_stores_an_event_it_carries_twice_once(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        await using var parts = new InboxParts(test.Database, TimeProvider.System);
        var (first, second) = (Delivery("candidateHire", Guid.NewGuid().ToString()), Delivery("candidateHire", Guid.NewGuid().ToString()));

        var outcomes = await parts.Intake.StoreManyAsync([(connectionId, first.Delivery, first.Body, WebhookEventState.Pending), (connectionId, second.Delivery, second.Body, WebhookEventState.Pending),
            (connectionId, first.Delivery, first.Body, WebhookEventState.Pending)], Ct);

        outcomes.ShouldBe([IntakeOutcome.Stored, IntakeOutcome.Stored, IntakeOutcome.Duplicate]);
        (await parts.Inbox.RecentAsync(connectionId, cancellationToken: Ct)).Count.ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_secret_is_made_once_kept_encrypted_and_rotated_on_demand(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);

        var secret = await WebhookSecrets.For(test.Database, TimeProvider.System).SecretAsync(connectionId, Ct);

        secret.Length.ShouldBeGreaterThanOrEqualTo(40);
        (await WebhookSecrets.For(test.Database, TimeProvider.System).SecretAsync(connectionId, Ct)).ShouldBe(secret); // a restarted hub reads the same one
        await using (var connection = await test.Database.ConnectAsync(Ct))
        {
            var stored = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT secret_protected FROM webhook_settings");
            stored.ShouldNotBeNull().ShouldNotContain(secret);
        }

        var rotated = await WebhookSecrets.For(test.Database, TimeProvider.System).RotateSecretAsync(connectionId, Ct);
        rotated.ShouldNotBe(secret);
        (await WebhookSecrets.For(test.Database, TimeProvider.System).SecretAsync(connectionId, Ct)).ShouldBe(rotated);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refused_deliveries_are_counted_by_kind(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        await using var parts = new InboxParts(test.Database, TimeProvider.System);

        await parts.Intake.RejectAsync(connectionId, AshbyWebhookSignatureResult.Mismatch, Ct);
        await parts.Intake.RejectAsync(connectionId, AshbyWebhookSignatureResult.Malformed, Ct);
        await parts.Intake.RejectAsync(connectionId, AshbyWebhookSignatureResult.Missing, Ct);

        var rejections = await parts.Inbox.RejectionsAsync(connectionId, Ct);
        (rejections.Forged, rejections.WithoutSignature).ShouldBe((2L, 1L));
        rejections.Last.ShouldBe("no Ashby-Signature header");
        rejections.LastAt.ShouldNotBeNull();
    }

    private static async Task<IntakeOutcome> StoreAsync(WebhookIntakeStore intake, long connectionId, string action, string id)
    {
        var (delivery, body) = Delivery(action, id);
        return await intake.StoreAsync(connectionId, delivery, body, WebhookEventState.Pending, Ct);
    }

    /// <summary>Stores through a fresh intake, as a restarted hub would.</summary>
    private static async Task<IntakeOutcome> StoreRestartedAsync(TestDatabase test, TimeProvider clock, long connectionId, string id)
    {
        await using var parts = new InboxParts(test.Database, clock);
        return await StoreAsync(parts.Intake, connectionId, "applicationUpdate", id);
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
