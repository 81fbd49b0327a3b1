using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Dapper;
using Shouldly;
using Xunit;

namespace Ashbridge.Testing;

/// <summary>
/// Compares the mirror with Ashby (the emulator), reading Ashby by plain HTTP rather than through the engine's code, so a
/// bug in the engine cannot hide itself: every stream must hold the same ids, each with byte-identical JSON.
/// </summary>
public sealed class MirrorOracle(Uri baseUrl, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new();

    /// <summary>Asserts that the mirror's live rows of every stream equal what Ashby lists now.</summary>
    public async Task AssertMirrorEqualsAshbyAsync(AshbridgeDatabase database, long connectionId)
    {
        foreach (var stream in MirrorStreams.All)
        {
            var expected = await AshbyRowsAsync(stream);
            var actual = await MirrorRowsAsync(database, connectionId, stream);
            actual.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal), $"{stream.Name}: ids differ");
            foreach (var (id, json) in expected) actual[id].ShouldBe(json, $"{stream.Name} {id}");
        }
    }

    /// <summary>The mirror's live rows of a stream: id → raw JSON.</summary>
    public static async Task<Dictionary<string, string>> MirrorRowsAsync(AshbridgeDatabase database, long connectionId, StreamDefinition stream)
    {
        await using var connection = await database.ConnectAsync(TestContext.Current.CancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Json)>(
            $"SELECT id, raw_json FROM {stream.Table} WHERE connection_id = @connectionId AND deleted_ms IS NULL", new { connectionId });
        return rows.ToDictionary(r => r.Id, r => r.Json, StringComparer.Ordinal);
    }

    /// <summary>What Ashby holds for a stream right now: id → the JSON exactly as listed.</summary>
    public async Task<Dictionary<string, string>> AshbyRowsAsync(StreamDefinition stream)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stream.Fetch == MirrorFetch.OneCall)
        {
            AddAll(rows, (await CallAsync(stream.Endpoint, stream.NewRequestBody())).GetProperty("results"));
            return rows;
        }

        var perPlan = stream.Fetch == MirrorFetch.PerInterviewPlan;
        var listed = await ListAllAsync(perPlan ? "interviewPlan.list" : stream.Endpoint, perPlan ? new JsonObject { ["includeArchived"] = true } : stream.NewRequestBody());
        if (!perPlan)
        {
            foreach (var row in listed) rows[row.GetProperty("id").GetString()!] = row.GetRawText();
            return rows;
        }

        foreach (var plan in listed)
        {
            AddAll(rows, (await CallAsync(stream.Endpoint, new JsonObject { ["interviewPlanId"] = plan.GetProperty("id").GetString() })).GetProperty("results"));
        }

        return rows;
    }

    /// <summary>Calls an Ashby endpoint and returns the (successful) envelope.</summary>
    public async Task<JsonElement> CallAsync(string endpoint, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, endpoint))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")));
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var envelope = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        envelope.GetProperty("success").GetBoolean().ShouldBeTrue($"{endpoint}: {envelope}");
        return envelope;
    }

    public void Dispose() => _http.Dispose();

    private async Task<List<JsonElement>> ListAllAsync(string endpoint, JsonObject parameters)
    {
        var listed = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var body = (JsonObject)parameters.DeepClone();
            if (cursor is not null) body["cursor"] = cursor;
            var envelope = await CallAsync(endpoint, body);
            listed.AddRange(envelope.GetProperty("results").EnumerateArray());
            cursor = envelope.GetProperty("moreDataAvailable").GetBoolean() ? envelope.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);
        return listed;
    }

    private static void AddAll(Dictionary<string, string> rows, JsonElement results)
    {
        foreach (var row in results.EnumerateArray()) rows[row.GetProperty("id").GetString()!] = row.GetRawText();
    }
}
