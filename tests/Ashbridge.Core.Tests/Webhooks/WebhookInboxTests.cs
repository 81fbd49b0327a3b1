using System.Text;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Webhooks;

public sealed class WebhookInboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_event_is_stored_once_but_the_same_id_under_another_action_is_its_own_event(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        var inbox = WebhookInbox.For(test.Database);
        var id = Guid.NewGuid().ToString();

        (await StoreAsync(inbox, connectionId, "candidateHire", id)).ShouldBe(IntakeOutcome.Stored);
        (await StoreAsync(inbox, connectionId, "candidateHire", id)).ShouldBe(IntakeOutcome.Duplicate);
        (await StoreAsync(inbox, connectionId, "applicationUpdate", id)).ShouldBe(IntakeOutcome.Stored); // a related webhook shares the id

        var events = await inbox.RecentAsync(connectionId, cancellationToken: Ct);
        events.Select(e => e.Action).ShouldBe(["applicationUpdate", "candidateHire"]);
        (await inbox.ActivityAsync(connectionId, Ct)).Select(a => (a.Action, a.Count)).ShouldBe([("applicationUpdate", 1L), ("candidateHire", 1L)], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_secret_is_made_once_kept_encrypted_and_rotated_on_demand(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);

        var secret = await WebhookInbox.For(test.Database).SecretAsync(connectionId, Ct);

        secret.Length.ShouldBeGreaterThanOrEqualTo(40);
        (await WebhookInbox.For(test.Database).SecretAsync(connectionId, Ct)).ShouldBe(secret); // a restarted hub reads the same one
        await using (var connection = await test.Database.ConnectAsync(Ct))
        {
            var stored = await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT secret_protected FROM webhook_settings");
            stored.ShouldNotBeNull().ShouldNotContain(secret);
        }

        var rotated = await WebhookInbox.For(test.Database).RotateSecretAsync(connectionId, Ct);
        rotated.ShouldNotBe(secret);
        (await WebhookInbox.For(test.Database).SecretAsync(connectionId, Ct)).ShouldBe(rotated);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refused_deliveries_are_counted_by_kind(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var connectionId = await AddConnectionAsync(test);
        var inbox = WebhookInbox.For(test.Database);

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
        var body = new System.Text.Json.Nodes.JsonObject { ["webhookActionId"] = id, ["action"] = action, ["data"] = new System.Text.Json.Nodes.JsonObject() }.ToJsonString();
        return await inbox.StoreAsync(connectionId, WebhookDelivery.Read(Encoding.UTF8.GetBytes(body)), body, WebhookEventState.Pending, Ct);
    }

    private static async Task<long> AddConnectionAsync(TestDatabase test)
    {
        await using var connection = await test.Database.ConnectAsync(Ct);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', 'http://127.0.0.1:1/', 'x', 0, 0) RETURNING id");
    }
}
