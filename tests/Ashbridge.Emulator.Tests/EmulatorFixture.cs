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
public class EmulatorFixture : Ashbridge.Testing.EmulatorFixture
{
    public const string FullKey = "full-key";
    public const string NoFlagsKey = "no-flags-key";
    public const string CandidatesOnlyKey = "candidates-only-key";
    public const string DeactivatedKey = "deactivated-key";
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public HttpClient Http { get; } = new();

    protected virtual int Seed => 7;

    protected override IReadOnlyList<EmulatorKey> Keys =>
    [
        EmulatorKey.Full(FullKey),
        new(NoFlagsKey, "No flags", ["candidatesRead", "jobsRead", "interviewsRead", "hiringProcessMetadataRead", "organizationRead", "offersRead", "apiKeysRead"]),
        new(CandidatesOnlyKey, "Candidates only", ["candidatesRead"], AllowConfidential: true, AllowPrivateFields: true),
        new(DeactivatedKey, "Old key", ["candidatesRead"], Deactivated: true),
    ];

    protected virtual void Configure(EmulatorOptions options)
    {
    }

    protected override EmulatorOptions CreateOptions()
    {
        var options = new EmulatorOptions { Seed = Seed, Size = "small", TimeProvider = Time };
        Configure(options);
        return options;
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        Http.Dispose();
        await base.DisposeCoreAsync();
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
