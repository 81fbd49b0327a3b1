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

    private WebhookHarness(TestDatabase test, EmulatorHost emulator, string keysFile, Connection connection, ConnectionStore connections, AshbyClientPool clients)
    {
        Test = test;
        Emulator = emulator;
        _keysFile = keysFile;
        Connection = connection;
        Connections = connections;
        Clients = clients;
        Inbox = WebhookInbox.For(test.Database, Clock);
        Processor = new WebhookProcessor(test.Database, Inbox, connections, clients, new SyncEngine(test.Database), Clock);
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

    public WebhookProcessor Processor { get; }

    public MirrorOracle Oracle { get; }

    public HttpClient Http { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts everything and runs a first full sync, so the mirror starts equal to Ashby.</summary>
    public static async Task<WebhookHarness> StartAsync(DatabaseProvider provider)
    {
        var keysFile = Path.Combine(Path.GetTempPath(), $"webhook-keys-{Guid.NewGuid():N}.json");
        EmulatorKey.WriteFile(keysFile, [EmulatorKey.Full(Key, "Webhook tests")]);
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 3, Size = "small", KeysFile = keysFile }, ct: Ct);
        var test = await TestDatabase.CreateAsync(provider, Ct);
        var connections = new ConnectionStore(test.Database, SecretProtector.ForDataFolder(test.Folder));
        var connection = await connections.AddAsync("acme", emulator.BaseUrl, Key, Ct);
        var harness = new WebhookHarness(test, emulator, keysFile, connection, connections, new AshbyClientPool(connections));
        var first = await new ConnectionSync(connections, harness.Clients, new SyncEngine(test.Database)).RunAsync(connection.Id, new SyncRequest(SyncMode.Full, "test"), null, Ct);
        first.Outcome.ShouldBe(SyncOutcome.Succeeded, first.Error);
        return harness;
    }

    /// <summary>A delivery as Ashby sends one, stored as the intake stores it.</summary>
    public async Task<IntakeOutcome> DeliverAsync(string action, JsonObject data, string? webhookActionId = null)
    {
        var body = new JsonObject { ["webhookActionId"] = webhookActionId ?? Guid.NewGuid().ToString(), ["action"] = action, ["data"] = data }.ToJsonString();
        var delivery = WebhookDelivery.Read(Encoding.UTF8.GetBytes(body));
        var state = delivery.Problem is not null ? WebhookEventState.Dead : WebhookEffect.IsUsed(delivery.Action) ? WebhookEventState.Pending : WebhookEventState.Ignored;
        return await Inbox.StoreAsync(Connection.Id, delivery, body, state, Ct);
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
        Http.Dispose();
        Oracle.Dispose();
        Clients.Dispose();
        await Emulator.DisposeAsync();
        await Test.DisposeAsync();
        File.Delete(_keysFile);
    }
}
