using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Webhooks;
using Ashbridge.Emulator;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.Webhooks;

/// <summary>
/// A real emulated Ashby, a fresh database with connection <c>acme</c> (its key encrypted as in the hub), and the inbox
/// and processor on a fake clock, so retries and backoff are stepped rather than waited for.
/// </summary>
internal sealed class WebhookHarness : IAsyncDisposable
{
    public const string Key = "webhook-test-key";

    private readonly string _keysFile;

    private WebhookHarness(
        TestDatabase test, EmulatorHost emulator, string keysFile, Connection connection, ConnectionStore connections, AshbyClientPool clients, IReadOnlyList<IMirrorObserver> observers)
    {
        Engine = new SyncEngine(test.Database, TimeProvider.System, observers: observers);
        Test = test;
        Emulator = emulator;
        _keysFile = keysFile;
        Connection = connection;
        Connections = connections;
        Clients = clients;
        Backlog = new WebhookBacklog(test.Database, Clock);
        Inbox = new WebhookInbox(test.Database);
        Intake = new WebhookIntakeStore(test.Database, WebhookSecrets.For(test.Database, Clock), Backlog, Clock);
        Processor = new WebhookProcessor(test.Database, Backlog, connections, clients, Engine, Clock);
        Oracle = new MirrorOracle(emulator.BaseUrl, Key);
    }

    public TestDatabase Test { get; }

    public AshbridgeDatabase Database => Test.Database;

    public EmulatorHost Emulator { get; }

    public Connection Connection { get; }

    public ConnectionStore Connections { get; }

    public AshbyClientPool Clients { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public WebhookInbox Inbox { get; }

    public WebhookBacklog Backlog { get; }

    public WebhookIntakeStore Intake { get; }

    public WebhookProcessor Processor { get; }

    /// <summary>The sync engine the processor and <see cref="SyncAsync"/> use, with the features that follow the mirror.</summary>
    public SyncEngine Engine { get; }

    public MirrorOracle Oracle { get; }

    public HttpClient Http { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts everything and runs a first full sync, so the mirror starts equal to Ashby.</summary>
    /// <param name="provider">The database.</param>
    /// <param name="features">Makes the features that follow the mirror, given the database and the connection, before the first sync.</param>
    /// <param name="moreKeys">Keys the emulator also accepts (with fewer permissions, say), beside the connection's full one.</param>
    public static async Task<WebhookHarness> StartAsync(
        DatabaseProvider provider, Func<AshbridgeDatabase, Connection, Task<IReadOnlyList<IMirrorObserver>>>? features = null, IReadOnlyList<EmulatorKey>? moreKeys = null)
    {
        var keysFile = Path.Combine(Path.GetTempPath(), $"webhook-keys-{Guid.NewGuid():N}.json");
        EmulatorKey.WriteFile(keysFile, [EmulatorKey.Full(Key, "Webhook tests"), .. moreKeys ?? []]);
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 3, Size = "small", KeysFile = keysFile }, ct: Ct);
        var test = await TestDatabase.CreateAsync(provider, Ct);
        var connections = new ConnectionStore(test.Database, SecretProtector.ForDataFolder(test.Folder), TimeProvider.System);
        var connection = await connections.AddAsync("acme", emulator.BaseUrl, Key, Ct);
        var observers = features is null ? [] : await features(test.Database, connection);
        var harness = new WebhookHarness(test, emulator, keysFile, connection, connections, new AshbyClientPool(connections), observers);
        await harness.SyncAsync(SyncMode.Full);
        return harness;
    }

    /// <summary>Runs a pass of connection acme, as the schedule would.</summary>
    public async Task SyncAsync(SyncMode mode)
    {
        var run = await new ConnectionSync(Connections, Clients, Engine).RunAsync(Connection.Id, new SyncRequest(mode, "test"), null, Ct);
        run.Outcome.ShouldBe(SyncOutcome.Succeeded, run.Error);
    }

    /// <summary>A delivery as Ashby sends one, stored as the intake stores it.</summary>
    public async Task<IntakeOutcome> DeliverAsync(string action, JsonObject data, string? webhookActionId = null)
    {
        var body = new JsonObject { ["webhookActionId"] = webhookActionId ?? Guid.NewGuid().ToString(), ["action"] = action, ["data"] = data }.ToJsonString();
        var delivery = WebhookDelivery.Read(Encoding.UTF8.GetBytes(body));
        var state = delivery.Problem is not null ? WebhookEventState.Dead : WebhookEffect.IsUsed(delivery.Action) ? WebhookEventState.Pending : WebhookEventState.Ignored;
        return await Intake.StoreAsync(Connection.Id, delivery, body, state, Ct);
    }

    /// <summary>Processes until nothing is due now.</summary>
    public async Task DrainAsync()
    {
        while (await Processor.ProcessDueAsync(Ct) > 0)
        {
        }
    }

    /// <summary>Calls the emulator's control API.</summary>
    public async Task<JsonNode?> ControlAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Emulator.BaseUrl, "_emulator/" + path), body ?? new { }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.ConnectAsync(Ct);
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }

    public async Task<List<string>> IdsAsync(string sql)
    {
        await using var connection = await Database.ConnectAsync(Ct);
        return [.. await connection.QueryAsync<string>(sql)];
    }

    public Task AssertMirrorEqualsAshbyAsync() => Oracle.AssertMirrorEqualsAshbyAsync(Database, Connection.Id);

    public async ValueTask DisposeAsync()
    {
        await Intake.DisposeAsync();
        Http.Dispose();
        Oracle.Dispose();
        Clients.Dispose();
        await Emulator.DisposeAsync();
        await Test.DisposeAsync();
        File.Delete(_keysFile);
    }
}
