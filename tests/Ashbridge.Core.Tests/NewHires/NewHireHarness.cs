using System.Text.Json;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Members;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Outbound;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Tests.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.NewHires;

/// <summary>
/// The webhook harness (emulated Ashby, a fresh database, connection acme, a first full sync) with the new-hire queue
/// following every pass. The queue starts "now", so only hires made by the test are new.
/// </summary>
internal sealed class NewHireHarness : IAsyncDisposable
{
    private NewHireHarness(WebhookHarness webhooks, NewHireImporter importer)
    {
        Webhooks = webhooks;
        Importer = importer;
        Audit = new AuditLog(webhooks.Database, TimeProvider.System);
        Outbound = new OutboundDeliveries(webhooks.Database, SecretProtector.ForDataFolder(webhooks.Test.Folder, OutboundDeliveries.SecretPurpose), OutboundClock);
        Review = new NewHireReview(webhooks.Database, importer, Outbound, Audit, TimeProvider.System);
        Members = new MemberDirectory(webhooks.Database);
    }

    public WebhookHarness Webhooks { get; }

    public NewHireImporter Importer { get; }

    public NewHireReview Review { get; }

    public MemberDirectory Members { get; }

    public AuditLog Audit { get; }

    public OutboundDeliveries Outbound { get; }

    /// <summary>The outbound side's clock, stepped to make retries due.</summary>
    public FakeTimeProvider OutboundClock { get; } = new(TimeProvider.System.GetUtcNow());

    public long ConnectionId => Webhooks.Connection.Id;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<NewHireHarness> StartAsync(DatabaseProvider provider)
    {
        NewHireImporter? importer = null;
        var webhooks = await WebhookHarness.StartAsync(provider, async (database, connection) =>
        {
            importer = new NewHireImporter(database, TimeProvider.System);
            await importer.InitializeAsync(connection.Id, TimeProvider.System.GetUtcNow(), Ct);
            return [importer];
        });
        return new NewHireHarness(webhooks, importer!);
    }

    /// <summary>An active application whose candidate has a personal email and a personal phone, with its candidate's mirrored JSON.</summary>
    public async Task<(string ApplicationId, JsonElement Candidate)> ActiveApplicationAsync(int skip = 0)
    {
        var rows = await Webhooks.IdsAsync(
            "SELECT a.id || ' ' || c.id FROM mirror_applications a JOIN mirror_candidates c ON c.connection_id = a.connection_id AND c.id = a.candidate_id " +
            "WHERE a.status = 'Active' AND a.deleted_ms IS NULL ORDER BY a.id");
        foreach (var row in rows)
        {
            var (applicationId, candidateId) = (row.Split(' ')[0], row.Split(' ')[1]);
            var json = await Webhooks.ScalarAsync<string>("SELECT raw_json FROM mirror_candidates WHERE id = @candidateId", new { candidateId });
            var candidate = JsonDocument.Parse(json!).RootElement;
            var hasPersonalPhone = candidate.GetProperty("phoneNumbers").EnumerateArray().Any(p => p.GetProperty("type").GetString() == "Personal");
            var name = candidate.GetProperty("name").GetString()!;
            if (hasPersonalPhone && name.Split(' ').Length == 2 && skip-- == 0) return (applicationId, candidate);
        }

        throw new InvalidOperationException("The small organisation has no active application with a personal phone.");
    }

    /// <summary>Applies a hire's webhooks as Ashby would send them (the action id shared, as Ashby shares it).</summary>
    public async Task DeliverHireAsync(string applicationId)
    {
        var action = Guid.NewGuid().ToString();
        var application = new System.Text.Json.Nodes.JsonObject { ["id"] = applicationId, ["status"] = "Hired" };
        await Webhooks.DeliverAsync("candidateHire", new System.Text.Json.Nodes.JsonObject { ["application"] = application.DeepClone() }, action);
        await Webhooks.DeliverAsync("applicationUpdate", new System.Text.Json.Nodes.JsonObject { ["application"] = application.DeepClone() }, action);
        await Webhooks.DrainAsync();
    }

    public async Task<string> CustomFieldIdAsync(string objectType, string title) =>
        (await Webhooks.ScalarAsync<string>("SELECT id FROM mirror_custom_fields WHERE object_type = @objectType AND title = @title", new { objectType, title }))!;

    public async Task<long> NewHireRowsAsync(string applicationId) =>
        await Webhooks.ScalarAsync<long>("SELECT COUNT(*) FROM new_hires WHERE application_id = @applicationId", new { applicationId });

    public async ValueTask DisposeAsync() => await Webhooks.DisposeAsync();
}
