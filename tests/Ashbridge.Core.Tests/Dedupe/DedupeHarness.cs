using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Dedupe;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Tests.Webhooks;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Dedupe;

/// <summary>The webhook harness (emulated Ashby, a fresh database, connection acme, a first full sync) with the duplicate check's index following every pass.</summary>
internal sealed class DedupeHarness : IAsyncDisposable
{
    private DedupeHarness(WebhookHarness webhooks, CandidateMatchIndex index)
    {
        Webhooks = webhooks;
        Index = index;
        Check = new DuplicateCheck(webhooks.Database, index);
        Audit = new AuditLog(webhooks.Database, TimeProvider.System);
        Settings = new DedupeSettingsStore(webhooks.Database, Audit, TimeProvider.System);
        Writes = new ProspectWrites(webhooks.Database, webhooks.Connections, webhooks.Clients, Settings, Audit, Schedule, TimeProvider.System);
    }

    /// <summary>A key with every permission but candidatesWrite, that the emulator also accepts.</summary>
    public const string ReadOnlyKey = "dedupe-read-only-key";

    public AuditLog Audit { get; }

    public DedupeSettingsStore Settings { get; }

    public ProspectWrites Writes { get; }

    /// <summary>The passes the writes asked for.</summary>
    public RecordingSchedule Schedule { get; } = new();

    public WebhookHarness Webhooks { get; }

    public CandidateMatchIndex Index { get; }

    public DuplicateCheck Check { get; }

    public long ConnectionId => Webhooks.Connection.Id;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DedupeHarness> StartAsync(DatabaseProvider provider)
    {
        CandidateMatchIndex? index = null;
        var webhooks = await WebhookHarness.StartAsync(
            provider,
            (database, _) =>
            {
                index = new CandidateMatchIndex(database, TimeProvider.System);
                return Task.FromResult<IReadOnlyList<Ashbridge.Core.Sync.IMirrorObserver>>([index]);
            },
            [new EmulatorKey(ReadOnlyKey, "No candidatesWrite", [.. EmulatorKey.EveryPermission.Where(p => p != "candidatesWrite")], AllowConfidential: true, AllowPrivateFields: true)]);
        return new DedupeHarness(webhooks, index!);
    }

    public Task<IReadOnlyList<DuplicateMatch>> CheckAsync(DuplicateProspect prospect, string region = "US") => Check.CheckAsync(ConnectionId, prospect, region, Ct);

    /// <summary>Calls an Ashby endpoint of the emulator with the connection's key.</summary>
    public async Task<JsonNode> AshbyAsync(string endpoint, JsonObject parameters)
    {
        var client = await Webhooks.Clients.GetClientAsync(Webhooks.Connection, Ct);
        var result = await client.SendRawAsync(endpoint, parameters, null, Ct);
        return JsonNode.Parse(result.GetRawText())!;
    }

    /// <summary>Creates a candidate in Ashby and brings it into the mirror with an incremental pass.</summary>
    public async Task<string> CreateCandidateAsync(JsonObject parameters)
    {
        var created = await AshbyAsync("candidate.create", parameters);
        await Webhooks.SyncAsync(Ashbridge.Core.Sync.SyncMode.Incremental);
        return created["id"]!.GetValue<string>();
    }

    public async Task<List<string>> KeysOfAsync(string candidateId, string kind) =>
        await Webhooks.IdsAsync($"SELECT key FROM candidate_match_keys WHERE candidate_id = '{candidateId}' AND kind = '{kind}' ORDER BY key");

    public async ValueTask DisposeAsync() => await Webhooks.DisposeAsync();

    /// <summary>A schedule that records the passes asked for instead of running them.</summary>
    internal sealed class RecordingSchedule : IConnectionSchedule
    {
        public List<(long ConnectionId, SyncMode Mode)> Passes { get; } = [];

        public Task ScheduleAsync(Connection connection, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SyncNowAsync(long connectionId, SyncMode mode = SyncMode.Incremental, CancellationToken cancellationToken = default)
        {
            lock (Passes) Passes.Add((connectionId, mode));
            return Task.CompletedTask;
        }

        public Task UnscheduleAsync(long connectionId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
