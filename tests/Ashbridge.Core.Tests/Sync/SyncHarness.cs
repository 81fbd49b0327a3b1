using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;
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
    private readonly string _keysFile;

    private SyncHarness(TestDatabase test, EmulatorHost emulator, FakeTimeProvider? clock, string keysFile, long connectionId, AshbyClient client)
    {
        Test = test;
        Emulator = emulator;
        Clock = clock;
        _keysFile = keysFile;
        ConnectionId = connectionId;
        Client = client;
        Engine = new SyncEngine(test.Database);
    }

    public TestDatabase Test { get; }

    public AshbridgeDatabase Database => Test.Database;

    public EmulatorHost Emulator { get; }

    /// <summary>The emulator's clock (null when it runs on real time).</summary>
    public FakeTimeProvider? Clock { get; }

    public long ConnectionId { get; }

    public AshbyClient Client { get; }

    public SyncEngine Engine { get; }

    public HttpClient Http { get; } = new();

    public static async Task<SyncHarness> StartAsync(
        DatabaseProvider provider, Action<EmulatorOptions>? configure = null, IReadOnlyList<string>? permissions = null, bool realTime = false)
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
        var client = new AshbyClient(new AshbyClientOptions
        {
            BaseUrl = emulator.BaseUrl,
            ApiKey = Key,
            MaxRetries = 10,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
        });
        return new SyncHarness(test, emulator, clock, keysFile, id, client);
    }

    public Task<SyncRunResult> SyncAsync(SyncMode mode = SyncMode.Incremental, IProgress<StreamProgress>? progress = null, CancellationToken? cancellationToken = null) =>
        Engine.RunAsync(ConnectionId, "acme", Client, new SyncRequest(mode, "test"), progress, cancellationToken ?? TestContext.Current.CancellationToken);

    /// <summary>Calls the emulator's control API and returns its JSON answer.</summary>
    public async Task<JsonNode?> ControlAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Emulator.BaseUrl, "_emulator/" + path), body ?? new { }, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Calls an Ashby endpoint directly (not through the engine's client) and returns the envelope.</summary>
    public async Task<JsonElement> AshbyAsync(string endpoint, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Emulator.BaseUrl, endpoint))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":")));
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var envelope = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        envelope.GetProperty("success").GetBoolean().ShouldBeTrue($"{endpoint}: {envelope}");
        return envelope;
    }

    /// <summary>What Ashby holds for a stream right now: id → the JSON exactly as listed, read by plain HTTP as the oracle.</summary>
    public async Task<Dictionary<string, string>> AshbyRowsAsync(StreamDefinition stream)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(JsonElement results)
        {
            foreach (var row in results.EnumerateArray()) rows[row.GetProperty("id").GetString()!] = row.GetRawText();
        }

        if (stream.Fetch == MirrorFetch.OneCall)
        {
            Add((await AshbyAsync(stream.Endpoint, stream.NewRequestBody())).GetProperty("results"));
            return rows;
        }

        var endpoint = stream.Fetch == MirrorFetch.PerInterviewPlan ? "interviewPlan.list" : stream.Endpoint;
        var parameters = stream.Fetch == MirrorFetch.PerInterviewPlan ? new JsonObject { ["includeArchived"] = true } : stream.NewRequestBody();
        var listed = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var body = (JsonObject)parameters.DeepClone();
            if (cursor is not null) body["cursor"] = cursor;
            var envelope = await AshbyAsync(endpoint, body);
            listed.AddRange(envelope.GetProperty("results").EnumerateArray());
            cursor = envelope.GetProperty("moreDataAvailable").GetBoolean() ? envelope.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);

        if (stream.Fetch == MirrorFetch.PerInterviewPlan)
        {
            foreach (var plan in listed)
            {
                Add((await AshbyAsync(stream.Endpoint, new JsonObject { ["interviewPlanId"] = plan.GetProperty("id").GetString() })).GetProperty("results"));
            }
        }
        else
        {
            foreach (var row in listed) rows[row.GetProperty("id").GetString()!] = row.GetRawText();
        }

        return rows;
    }

    /// <summary>The mirror's live rows of a stream: id → raw JSON.</summary>
    public async Task<Dictionary<string, string>> MirrorRowsAsync(StreamDefinition stream)
    {
        await using var connection = await Database.ConnectAsync(TestContext.Current.CancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Json)>(
            $"SELECT id, raw_json FROM {stream.Table} WHERE connection_id = @ConnectionId AND deleted_ms IS NULL", new { ConnectionId });
        return rows.ToDictionary(r => r.Id, r => r.Json, StringComparer.Ordinal);
    }

    /// <summary>Asserts that every stream of the mirror equals Ashby exactly: the same ids, each with byte-identical JSON.</summary>
    public async Task AssertMirrorEqualsAshbyAsync()
    {
        foreach (var stream in MirrorStreams.All)
        {
            var expected = await AshbyRowsAsync(stream);
            var actual = await MirrorRowsAsync(stream);
            actual.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal), $"{stream.Name}: ids differ");
            foreach (var (id, json) in expected) actual[id].ShouldBe(json, $"{stream.Name} {id}");
        }
    }

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
        Http.Dispose();
        await Emulator.DisposeAsync();
        await Test.DisposeAsync();
        File.Delete(_keysFile);
    }
}

/// <summary>Reports progress synchronously on the writer's thread (Progress&lt;T&gt; would post it elsewhere, too late to act on).</summary>
internal sealed class InlineProgress(Action<StreamProgress> onReport) : IProgress<StreamProgress>
{
    public void Report(StreamProgress value) => onReport(value);
}
