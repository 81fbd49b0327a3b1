using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Core.Access;
using Ashbridge.Core.AshbyUsers;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Emulator;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.AshbyUsers;

/// <summary>
/// A real emulated Ashby with two keys (a full one, and one that reads everything but writes nothing), a fresh database
/// with a connection per key (acme, readonly) whose key checks are stored as the hub stores them, the user directory's
/// services, and a first full pass of acme (the change tracker's baseline).
/// </summary>
internal sealed class UsersHarness : IAsyncDisposable
{
    public const string FullKey = "users-full-key";
    public const string ReadOnlyKey = "users-read-only-key";

    private readonly string _keysFile;

    private UsersHarness(TestDatabase test, EmulatorHost emulator, string keysFile, ConnectionStore connections, Connection acme, Connection readOnly)
    {
        Test = test;
        Emulator = emulator;
        _keysFile = keysFile;
        Connections = connections;
        Acme = acme;
        ReadOnly = readOnly;
        Clients = new AshbyClientPool(connections);
        Tracker = new UserChangeTracker(test.Database, TimeProvider.System);
        Engine = new SyncEngine(test.Database, TimeProvider.System, observers: [Tracker]);
        Sync = new ConnectionSync(connections, Clients, Engine);
        Directory = new AshbyUserDirectory(test.Database);
        Audit = new AuditLog(test.Database, TimeProvider.System);
        Review = new AccessReview(test.Database, Directory, ReviewClock);
        Writes = new HiringTeamWrites(test.Database, connections, Clients, Directory, Sync, Audit);
    }

    public TestDatabase Test { get; }

    public AshbridgeDatabase Database => Test.Database;

    public EmulatorHost Emulator { get; }

    public ConnectionStore Connections { get; }

    public Connection Acme { get; }

    public Connection ReadOnly { get; }

    public AshbyClientPool Clients { get; }

    public UserChangeTracker Tracker { get; }

    public SyncEngine Engine { get; }

    public ConnectionSync Sync { get; }

    public AshbyUserDirectory Directory { get; }

    public AuditLog Audit { get; }

    /// <summary>The review's clock: a year after the emulated organisation was made, so a user record unchanged since is idle.</summary>
    public FakeTimeProvider ReviewClock { get; } = new(TimeProvider.System.GetUtcNow().AddYears(1));

    public AccessReview Review { get; }

    public HiringTeamWrites Writes { get; }

    public HttpClient Http { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<UsersHarness> StartAsync(DatabaseProvider provider)
    {
        var keysFile = Path.Combine(Path.GetTempPath(), $"users-keys-{Guid.NewGuid():N}.json");
        EmulatorKey.WriteFile(keysFile,
        [
            EmulatorKey.Full(FullKey, "Users tests"),
            new(ReadOnlyKey, "Reads only", ["apiKeysRead", "candidatesRead", "jobsRead", "organizationRead", "hiringProcessMetadataRead", "interviewsRead", "offersRead"], AllowConfidential: true),
        ]);
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 3, Size = "small", KeysFile = keysFile }, ct: Ct);
        var test = await TestDatabase.CreateAsync(provider, Ct);
        var connections = new ConnectionStore(test.Database, SecretProtector.ForDataFolder(test.Folder), TimeProvider.System);
        var acme = await connections.AddAsync("acme", emulator.BaseUrl, FullKey, Ct);
        var readOnly = await connections.AddAsync("readonly", emulator.BaseUrl, ReadOnlyKey, Ct);
        var harness = new UsersHarness(test, emulator, keysFile, connections, acme, readOnly);
        foreach (var (connection, key) in new[] { (acme, FullKey), (readOnly, ReadOnlyKey) })
        {
            var report = await new Preflight(harness.Clients.ClientFor(emulator.BaseUrl, key), TimeProvider.System).RunAsync(Ct);
            await connections.SavePreflightAsync(connection.Id, report, Ct);
        }

        await harness.SyncAsync(SyncMode.Full);
        await harness.SyncAsync(SyncMode.Full, readOnly);
        return harness;
    }

    /// <summary>Runs a pass of acme (or another connection), as the schedule would.</summary>
    public async Task<SyncRunResult> SyncAsync(SyncMode mode, Connection? connection = null)
    {
        var run = await Sync.RunAsync((connection ?? Acme).Id, new SyncRequest(mode, "test"), null, Ct);
        run.Outcome.ShouldBe(SyncOutcome.Succeeded, run.Error);
        return run;
    }

    /// <summary>Calls the emulator's control API.</summary>
    public async Task<JsonNode> ControlAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Emulator.BaseUrl, "_emulator/" + path), body ?? new { }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Adds a user in Ashby's admin (the emulator's control API); returns its id.</summary>
    public async Task<string> CreateUserAsync(string email, string first = "Robin", string last = "Quill", string? role = null) =>
        (await ControlAsync("users", role is null ? new { firstName = first, lastName = last, email } : new { firstName = first, lastName = last, email, globalRole = role }))["id"]!.GetValue<string>();

    /// <summary>Ashby's own answer (read with the full key): the hiring team of a job or an application, as (email, role).</summary>
    public async Task<IReadOnlyList<(string Email, string Role)>> AshbyTeamAsync(string endpoint, string idName, string id)
    {
        var client = Clients.ClientFor(Emulator.BaseUrl, FullKey);
        var results = await client.SendRawAsync(endpoint, new JsonObject { [idName] = id }, cancellationToken: Ct);
        return [.. results.GetProperty("hiringTeam").EnumerateArray().Select(m => (m.GetProperty("email").GetString()!.ToLowerInvariant(), m.GetProperty("role").GetString()!))];
    }

    public async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.ConnectAsync(Ct);
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }

    public async Task<List<string>> IdsAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.ConnectAsync(Ct);
        return [.. await connection.QueryAsync<string>(sql, parameters)];
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.ConnectAsync(Ct);
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>An open, non-confidential job of acme.</summary>
    public async Task<string> OpenJobAsync() =>
        (await IdsAsync("SELECT id FROM mirror_jobs WHERE connection_id = @id AND status = 'Open' AND is_confidential = FALSE AND deleted_ms IS NULL ORDER BY id", new { id = Acme.Id }))[0];

    /// <summary>An active application of acme on an open, non-confidential job.</summary>
    public async Task<string> ActiveApplicationAsync() =>
        (await IdsAsync(
            "SELECT a.id FROM mirror_applications a JOIN mirror_jobs j ON j.connection_id = a.connection_id AND j.id = a.job_id " +
            "WHERE a.connection_id = @id AND a.status = 'Active' AND a.deleted_ms IS NULL AND j.status = 'Open' AND j.is_confidential = FALSE ORDER BY a.id", new { id = Acme.Id }))[0];

    /// <summary>A hiring team role of acme: (id, title).</summary>
    public async Task<(string Id, string Title)> RoleAsync(int index = 0)
    {
        var roles = (await Writes.ChoicesAsync(Acme.Id, Ct)).Roles;
        return (roles[index].Id, roles[index].Title);
    }

    /// <summary>A job of acme with a hiring team: (id, title, raw JSON).</summary>
    public async Task<(string Id, string Title, string Json)> JobWithTeamAsync()
    {
        await using var connection = await Database.ConnectAsync(Ct);
        return await connection.QueryFirstAsync<(string, string, string)>(
            "SELECT id, title, raw_json FROM mirror_jobs WHERE connection_id = @id AND raw_json LIKE '%userId%' AND deleted_ms IS NULL ORDER BY id", new { id = Acme.Id });
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Clients.Dispose();
        await Test.DisposeAsync();
        await Emulator.DisposeAsync();
        File.Delete(_keysFile);
    }
}
