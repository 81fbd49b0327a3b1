using System.Net;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Server.Tests.Webhooks;

/// <summary>
/// Requests naming connections that do not exist, each name long and new, leave the hub's memory where it was. The hub
/// runs as a process of its own, so what is measured is its working set alone, not the test run's other hubs.
/// </summary>
public sealed class WebhookUnknownConnectionMemoryTests : IAsyncDisposable
{
    private const int Requests = 50_000;
    private const int WarmUp = 5_000;
    private const int NameLength = 1_200;
    private const int Senders = 12;
    private const long AllowedGrowth = 20L * 1024 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-unknown-").FullName;
    private ChildProcess? _hub;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_thousand_requests_with_long_unknown_connection_names_grow_the_hub_by_less_than_20_MB()
    {
        var baseUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}/");
        var database = Path.Combine(_folder, "ashbridge.db");
        Start(baseUrl, database);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders }) { BaseAddress = baseUrl };
        await Eventually.ValueAsync(() => _hub!.GetWhenUpAsync(http, "/healthz", Ct), up => up is not null, TimeSpan.FromSeconds(120), "the hub's /healthz\n" + _hub!.Output);
        // The demo's first pass (its memory is not ours to measure) is over before anything is measured.
        await Eventually.ValueAsync(() => FinishedPassesAsync(database), n => n > 0, TimeSpan.FromSeconds(120), "the demo's first pass\n" + _hub.Output);

        var random = new Random(20261203);
        // The same traffic first, so the JIT, Kestrel's buffers and the GC's budgets are in place before the baseline.
        var warmUp = await SendAsync(http, random, WarmUp);
        var before = _hub.WorkingSet();
        var answers = await SendAsync(http, random, Requests);
        var after = _hub.WorkingSet();

        var growth = after - before;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"hub working set: {before / 1048576.0:F1} MB after {WarmUp:N0} warm-up requests, {after / 1048576.0:F1} MB after {Requests:N0} more "
            + $"(+{growth / 1048576.0:F1} MB); answers: {string.Join(", ", answers.Select(a => $"{(int)a.Key}×{a.Value}"))}");
        warmUp.Keys.ShouldBe([HttpStatusCode.NotFound]);
        answers.Keys.ShouldBe([HttpStatusCode.NotFound]); // every one reached the directory: none was limited away
        growth.ShouldBeLessThan(AllowedGrowth, $"the hub grew from {before / 1048576.0:F1} MB to {after / 1048576.0:F1} MB");
    }

    /// <summary>Sends <paramref name="count"/> deliveries to new random names, <see cref="Senders"/> at once; counts the answers.</summary>
    private static async Task<Dictionary<HttpStatusCode, int>> SendAsync(HttpClient http, Random random, int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++) names[i] = RandomName(random);
        var next = -1;
        var answers = new Dictionary<HttpStatusCode, int>();
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var content = new ByteArrayContent("{}"u8.ToArray());
                using var response = await http.PostAsync(new Uri($"/webhooks/ashby/{names[i]}", UriKind.Relative), content, Ct);
                lock (answers) answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
            }
        }, Ct)));
        return answers;
    }

    private static string RandomName(Random random)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(NameLength, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Letters[r.Next(Letters.Length)];
        });
    }

    /// <summary>The hub's own program (its build is copied beside the tests), started the way an operator runs it.</summary>
    private void Start(Uri baseUrl, string database) => _hub = ChildProcess.StartDotnet("Ashbridge.Server.dll", ["--urls", baseUrl.ToString().TrimEnd('/')], environment: new Dictionary<string, string?>
    {
        ["ASHBRIDGE_DATA"] = _folder,
        ["Ashbridge__Database"] = database,
        ["Ashbridge__Demo__EmulatorUrl"] = "http://127.0.0.1:0",
        ["Ashbridge__Demo__Size"] = "20",
        ["Ashbridge__Admin__Email"] = HubFactory.AdminEmail,
        ["Ashbridge__Admin__Password"] = HubFactory.AdminPassword,
        // Every request must reach the directory's lookup, which is what is measured, not the per-address limit.
        ["Ashbridge__Webhooks__UnknownConnectionPerMinute"] = "10000000",
        ["Logging__LogLevel__Default"] = "Warning",
    });

    private static async Task<long> FinishedPassesAsync(string path)
    {
        await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(path), Ct);
        await using var connection = await database.ConnectAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sync_runs WHERE finished_ms IS NOT NULL");
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
