using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Emulator.Tests;

/// <summary>An Ashby answer as the tests see it: the HTTP status and the raw JSON body.</summary>
public sealed record AshbyResponse(int Status, JsonNode Body, HttpResponseMessage Message)
{
    public bool Success => Body["success"]!.GetValue<bool>();

    public JsonArray Results => Body["results"]!.AsArray();

    public JsonObject Result => Body["results"]!.AsObject();

    public string? ErrorCode => Body["errorInfo"]?["code"]?.GetValue<string>();
}

/// <summary>
/// A small organisation served by a real <see cref="EmulatorHost"/> over HTTP, with a fake clock (2026-11-23) and a
/// keys file holding a full key, a key without the access flags, a candidates-only key and a deactivated key.
/// One per test class: tests in a class share it (and see each other's writes), classes never do.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    public const string FullKey = "full-key";
    public const string NoFlagsKey = "no-flags-key";
    public const string CandidatesOnlyKey = "candidates-only-key";
    public const string DeactivatedKey = "deactivated-key";
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _keysFile = Path.Combine(Path.GetTempPath(), $"ashby-emulator-keys-{Guid.NewGuid():N}.json");

    public FakeTimeProvider Time { get; } = new(Start);

    public EmulatorHost Host { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    protected virtual int Seed => 7;

    protected virtual void Configure(EmulatorOptions options)
    {
    }

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_keysFile, """
            [
              { "key": "full-key", "title": "Full access", "permissions": ["candidatesRead","candidatesWrite","candidatesDelete","jobsRead","jobsWrite","interviewsRead","interviewsWrite","hiringProcessMetadataRead","hiringProcessMetadataWrite","organizationRead","organizationWrite","offersRead","offersWrite","apiKeysRead","apiKeysWrite","approvalsRead","approvalsWrite","reportsRead","notetakerRead"], "allowConfidential": true, "allowPrivateFields": true },
              { "key": "no-flags-key", "title": "No flags", "permissions": ["candidatesRead","jobsRead","interviewsRead","hiringProcessMetadataRead","organizationRead","offersRead","apiKeysRead"] },
              { "key": "candidates-only-key", "title": "Candidates only", "permissions": ["candidatesRead"], "allowConfidential": true, "allowPrivateFields": true },
              { "key": "deactivated-key", "title": "Old key", "permissions": ["candidatesRead"], "deactivated": true }
            ]
            """, TestContext.Current.CancellationToken);
        var options = new EmulatorOptions { Seed = Seed, Size = "small", KeysFile = _keysFile, TimeProvider = Time };
        Configure(options);
        Host = await EmulatorHost.StartAsync(options, ct: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        File.Delete(_keysFile);
        GC.SuppressFinalize(this);
    }

    /// <summary>POSTs a JSON body to an Ashby endpoint with a key (the full key unless told otherwise).</summary>
    public Task<AshbyResponse> CallAsync(string endpoint, string json = "{}", string? key = FullKey) =>
        SendAsync(HttpMethod.Post, endpoint, json, key is null ? null : Basic(key));

    public async Task<AshbyResponse> SendAsync(HttpMethod method, string path, string? json, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(method, new Uri(Host.BaseUrl, path));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.Authorization = authorization;
        var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new AshbyResponse((int)response.StatusCode, JsonNode.Parse(text.Length == 0 ? "null" : text) ?? new JsonObject(), response);
    }

    /// <summary>POSTs to the control API.</summary>
    public Task<AshbyResponse> ControlAsync(string path, string json = "{}") => SendAsync(HttpMethod.Post, "_emulator/" + path, json, null);

    /// <summary>Every row of a paginated list, following cursors; returns the rows and the final sync token.</summary>
    public async Task<(List<JsonObject> Rows, string SyncToken)> ReadAllAsync(string endpoint, string extra = "", int limit = 100, string? key = FullKey)
    {
        var rows = new List<JsonObject>();
        string? cursor = null;
        for (var page = 0; page < 10_000; page++)
        {
            var body = "{\"limit\":" + limit + (cursor is null ? "" : ",\"cursor\":\"" + cursor + "\"") + (extra.Length > 0 ? "," + extra : "") + "}";
            var response = await CallAsync(endpoint, body, key);
            response.Success.ShouldBeTrue(response.Body.ToJsonString());
            rows.AddRange(response.Results.Select(r => r!.AsObject()));
            if (!response.Body["moreDataAvailable"]!.GetValue<bool>()) return (rows, response.Body["syncToken"]!.GetValue<string>());
            cursor = response.Body["nextCursor"]!.GetValue<string>();
        }

        throw new InvalidOperationException("The pass never ended.");
    }

    public static AuthenticationHeaderValue Basic(string key) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
}
