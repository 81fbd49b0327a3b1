using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Emulator;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>
/// One test's world: a real emulator over HTTP (its own, so tests never see each other's changes), a fresh database of
/// the chosen kind, a connection row, a client and the engine. The emulator's clock is fake unless faults need real time.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    public const string Key = "sync-test-key";

    /// <summary>The client's retries per call: a call that never gets an answer is attempted one more time than this.</summary>
    public const int MaxRetries = 10;

    private readonly string _keysFile;
    private readonly EmulatorOptions _emulatorOptions;
    private bool _emulatorStopped;
    private readonly HttpClient _clientHttp;

    private SyncHarness(TestDatabase test, EmulatorHost emulator, EmulatorOptions emulatorOptions, FakeTimeProvider? clock, string keysFile, long connectionId, HttpClient clientHttp, AshbyClient client)
    {
        _emulatorOptions = emulatorOptions;
        _clientHttp = clientHttp;
        Test = test;
        Emulator = emulator;
        Clock = clock;
        _keysFile = keysFile;
        ConnectionId = connectionId;
        Client = client;
        Engine = new SyncEngine(test.Database, (TimeProvider?)clock ?? TimeProvider.System); // real time when the emulator runs on it
    }

    public TestDatabase Test { get; }

    public AshbridgeDatabase Database => Test.Database;

    public EmulatorHost Emulator { get; private set; }

    /// <summary>The emulator's clock (null when it runs on real time).</summary>
    public FakeTimeProvider? Clock { get; }

    public long ConnectionId { get; }

    public AshbyClient Client { get; }

    public SyncEngine Engine { get; }

    public HttpClient Http { get; } = new();

    /// <summary>Reads Ashby by plain HTTP to check the mirror against.</summary>
    public MirrorOracle Oracle { get; private set; } = null!;

    public static async Task<SyncHarness> StartAsync(
        DatabaseProvider provider, Action<EmulatorOptions>? configure = null, IReadOnlyList<string>? permissions = null, bool realTime = false,
        Func<HttpRequestMessage, Task>? beforeEachRequest = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = realTime ? null : new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var keysFile = Path.Combine(Path.GetTempPath(), $"sync-keys-{Guid.NewGuid():N}.json");
        EmulatorKey.WriteFile(keysFile, [new EmulatorKey(Key, "Sync tests", permissions ?? EmulatorKey.EveryPermission, AllowConfidential: true, AllowPrivateFields: true)]);
        var options = new EmulatorOptions { Seed = 3, Size = "small", KeysFile = keysFile, TimeProvider = clock ?? TimeProvider.System };
        configure?.Invoke(options);
        var emulator = await EmulatorHost.StartAsync(options, ct: ct);
        var test = await TestDatabase.CreateAsync(provider, ct);
        await using var connection = await test.Database.ConnectAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', @url, 'not-used-here', 0, 0) RETURNING id",
            new { url = emulator.BaseUrl.ToString() });
#pragma warning disable CA2000 // The HttpClient owns the handler; the harness disposes the HttpClient.
        var clientHttp = new HttpClient(new RequestHook(beforeEachRequest)) { Timeout = Timeout.InfiniteTimeSpan };
#pragma warning restore CA2000
        var client = new AshbyClient(clientHttp, new AshbyClientOptions
        {
            BaseUrl = emulator.BaseUrl,
            ApiKey = Key,
            MaxRetries = MaxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
        });
        return new SyncHarness(test, emulator, options, clock, keysFile, id, clientHttp, client) { Oracle = new MirrorOracle(emulator.BaseUrl, Key) };
    }

    public Task<SyncRunResult> SyncAsync(
        SyncMode mode = SyncMode.Incremental, IProgress<StreamProgress>? progress = null, CancellationToken? cancellationToken = null, IReadOnlyList<string>? streams = null) =>
        Engine.RunAsync(ConnectionId, "acme", Client, new SyncRequest(mode, "test", streams), progress, cancellationToken ?? TestContext.Current.CancellationToken);

    /// <summary>Stops the emulator: its port refuses connections, as an Ashby that cannot be reached does.</summary>
    public async Task StopEmulatorAsync()
    {
        if (_emulatorStopped) return;
        _emulatorStopped = true;
        await Emulator.DisposeAsync();
    }

    /// <summary>Starts the emulator again on the same port, with the same organisation (its seed and clock).</summary>
    public async Task RestartEmulatorAsync()
    {
        Emulator = await EmulatorHost.StartAsync(_emulatorOptions, $"http://127.0.0.1:{Emulator.BaseUrl.Port}", TestContext.Current.CancellationToken);
        _emulatorStopped = false;
    }

    /// <summary>Calls the emulator's control API and returns its JSON answer.</summary>
    public async Task<JsonNode?> ControlAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Emulator.BaseUrl, "_emulator/" + path), body ?? new { }, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Asserts that every stream of the mirror equals Ashby exactly: the same ids, each with byte-identical JSON.</summary>
    public Task AssertMirrorEqualsAshbyAsync() => Oracle.AssertMirrorEqualsAshbyAsync(Database, ConnectionId);

    /// <summary>One value from the database.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.ConnectAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.ConnectAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>Some ids from a mirror table, for picking objects to change.</summary>
    public async Task<List<string>> IdsAsync(string sql)
    {
        await using var connection = await Database.ConnectAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<string>(sql, new { ConnectionId })).ToList();
    }

    public static string Ms(long value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _clientHttp.Dispose();
        Http.Dispose();
        Oracle.Dispose();
        await StopEmulatorAsync();
        await Test.DisposeAsync();
        File.Delete(_keysFile);
    }
}

/// <summary>Reports progress synchronously on the writer's thread (Progress&lt;T&gt; would post it elsewhere, too late to act on).</summary>
internal sealed class InlineProgress(Action<StreamProgress> onReport) : IProgress<StreamProgress>
{
    public void Report(StreamProgress value) => onReport(value);
}

/// <summary>Lets a test act just before a request of the engine's client leaves (e.g. move the emulator's clock).</summary>
internal sealed class RequestHook(Func<HttpRequestMessage, Task>? beforeEachRequest) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (beforeEachRequest is not null) await beforeEachRequest(request);
        return await base.SendAsync(request, cancellationToken);
    }
}
