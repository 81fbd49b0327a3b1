using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Core.Connections;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Tests.Webhooks;

namespace Ashbridge.Core.Tests.OpenRoles;

/// <summary>
/// The webhook harness (emulated Ashby, a fresh database, connection acme, a first full sync) with the open roles
/// following every pass, and the "Import now" use case over the same engine.
/// </summary>
internal sealed class OpenRoleHarness : IAsyncDisposable
{
    private OpenRoleHarness(WebhookHarness webhooks, OpenRoleImporter importer, OpenRolePolicy policy, RecordingObserver observer)
    {
        Webhooks = webhooks;
        Importer = importer;
        Policy = policy;
        Observer = observer;
        Catalog = new OpenRoleCatalog(webhooks.Database);
        Imports = new OpenRoleImports(webhooks.Database, new ConnectionSync(webhooks.Connections, webhooks.Clients, webhooks.Engine), importer, TimeProvider.System);
    }

    public WebhookHarness Webhooks { get; }

    public OpenRoleImporter Importer { get; }

    public OpenRolePolicy Policy { get; }

    public OpenRoleCatalog Catalog { get; }

    public OpenRoleImports Imports { get; }

    public RecordingObserver Observer { get; }

    public long ConnectionId => Webhooks.Connection.Id;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<OpenRoleHarness> StartAsync(DatabaseProvider provider)
    {
        OpenRoleImporter? importer = null;
        OpenRolePolicy? policy = null;
        var observer = new RecordingObserver();
        var webhooks = await WebhookHarness.StartAsync(provider, (database, _) =>
        {
            // The importer's own store and pool over the same database and key ring, as the hub's container gives it.
            var store = new ConnectionStore(database, SecretProtector.ForDataFolder(database.Location.DataFolder), TimeProvider.System);
            policy = new OpenRolePolicy(database, TimeProvider.System);
            importer = new OpenRoleImporter(database, store, new AshbyClientPool(store), policy, TimeProvider.System, [new FailingObserver(), observer]);
            return Task.FromResult<IReadOnlyList<IMirrorObserver>>([importer]);
        });
        return new OpenRoleHarness(webhooks, importer!, policy!, observer);
    }

    /// <summary>Creates an open job in Ashby (with an opening and a published, listed posting); its posting's id.</summary>
    public async Task<(string JobId, string PostingId)> CreateJobAsync(string title, bool confidential = false)
    {
        var job = (await Webhooks.ControlAsync("jobs", new { title, confidential }))!;
        return (job["id"]!.GetValue<string>(), job["jobPostingIds"]!.AsArray().Single()!.GetValue<string>());
    }

    /// <summary>Delivers a webhook naming one object, as Ashby sends it, and processes it (the processor's pass follows).</summary>
    public async Task DeliverAsync(string action, string property, string id)
    {
        var data = new JsonObject { [property] = new JsonObject { ["id"] = id } };
        await Webhooks.DeliverAsync(action, data);
        await Webhooks.DrainAsync();
    }

    /// <summary>Calls one of Ashby's endpoints of the emulator with the connection's key (the typed client has no jobPosting.update).</summary>
    public async Task<JsonElement> AshbyAsync(string endpoint, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Webhooks.Emulator.BaseUrl, endpoint)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WebhookHarness.Key + ":")));
        using var response = await Webhooks.Http.SendAsync(request, Ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answer.GetProperty("success").GetBoolean().ShouldBeTrue(answer.ToString());
        return answer.GetProperty("results").Clone();
    }

    public async Task<OpenRole> RoleAsync(string postingId) =>
        (await Catalog.FindAsync(ConnectionId, postingId, Ct)).ShouldNotBeNull($"no role for posting {postingId}");

    public async Task<IReadOnlyList<OpenRoleImportResult>> ImportsAsync() => await Imports.ListAsync(ConnectionId, 100, Ct);

    /// <summary>The mirror's posting, job or opening JSON.</summary>
    public async Task<JsonElement> MirroredAsync(string table, string id) =>
        JsonDocument.Parse((await Webhooks.ScalarAsync<string>($"SELECT raw_json FROM {table} WHERE id = @id", new { id }))!).RootElement.Clone();

    public async ValueTask DisposeAsync() => await Webhooks.DisposeAsync();

    /// <summary>An observer that always fails: its failure must never be the import's.</summary>
    private sealed class FailingObserver : IOpenRoleImportObserver
    {
        public Task ImportFinishedAsync(OpenRoleImportResult result, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The notices are down.");
    }

    /// <summary>Keeps every import it is told of.</summary>
    internal sealed class RecordingObserver : IOpenRoleImportObserver
    {
        public List<OpenRoleImportResult> Results { get; } = [];

        public Task ImportFinishedAsync(OpenRoleImportResult result, CancellationToken cancellationToken)
        {
            lock (Results) Results.Add(result);
            return Task.CompletedTask;
        }
    }
}
