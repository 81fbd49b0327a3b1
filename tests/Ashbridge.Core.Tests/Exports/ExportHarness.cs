using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ashbridge.Core.Access;
using Ashbridge.Core.Exports;
using Ashbridge.Core.Notices;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Tests.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.Exports;

/// <summary>
/// Emulated Ashby, a fresh database with connection acme synced once, and the export services on a clock the test steps
/// (so "changed since" times are the test's). Hires are made through the emulator's control API and fields through
/// Ashby's own customField endpoints, then synced in a full pass.
/// </summary>
internal sealed class ExportHarness : IAsyncDisposable
{
    private ExportHarness(WebhookHarness webhooks)
    {
        Webhooks = webhooks;
        Definitions = new ExportDefinitions(webhooks.Database, Clock);
        Notices = new NoticeBoard(webhooks.Database, Clock);
        Runner = new ExportRunner(webhooks.Database, Definitions, Notices, new AuditLog(webhooks.Database, Clock), Clock);
    }

    public WebhookHarness Webhooks { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public ExportDefinitions Definitions { get; }

    public NoticeBoard Notices { get; }

    public ExportRunner Runner { get; }

    public AshbridgeDatabase Database => Webhooks.Database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ExportHarness> StartAsync(DatabaseProvider provider) => new(await WebhookHarness.StartAsync(provider));

    /// <summary>Active applications (one per candidate), for hiring.</summary>
    public async Task<IReadOnlyList<string>> ActiveApplicationsAsync(int count)
    {
        var ids = await Webhooks.IdsAsync(
            "SELECT MIN(id) FROM mirror_applications WHERE status = 'Active' AND deleted_ms IS NULL GROUP BY candidate_id HAVING COUNT(*) = 1 ORDER BY MIN(id)");
        ids.Count.ShouldBeGreaterThanOrEqualTo(count);
        return [.. ids.Take(count)];
    }

    /// <summary>Hires an application in Ashby; answers the control API's <c>{ application, offer }</c>.</summary>
    public async Task<JsonElement> HireAsync(string applicationId, string startDate, decimal salary, string currency, object? offerFields = null) =>
        JsonSerializer.SerializeToElement(await Webhooks.ControlAsync($"applications/{applicationId}/hire", new { startDate, salary, currencyCode = currency, offerFields = offerFields ?? new { } }));

    /// <summary>Calls one of Ashby's endpoints on the emulator; answers its <c>results</c>.</summary>
    public async Task<JsonElement> AshbyAsync(string method, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Webhooks.Emulator.BaseUrl, method)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WebhookHarness.Key + ":")));
        using var response = await Webhooks.Http.SendAsync(request, Ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answer.GetProperty("success").GetBoolean().ShouldBeTrue($"{method}: {answer}");
        return answer.TryGetProperty("results", out var results) ? results.Clone() : answer.Clone();
    }

    /// <summary>Every page of a list endpoint.</summary>
    public async Task<List<JsonElement>> AshbyListAsync(string method, Dictionary<string, object?>? body = null)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var request = new Dictionary<string, object?>(body ?? []) { ["limit"] = 100 };
            if (cursor is not null) request["cursor"] = cursor;
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Webhooks.Emulator.BaseUrl, method)) { Content = JsonContent.Create(request) };
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WebhookHarness.Key + ":")));
            using var response = await Webhooks.Http.SendAsync(message, Ct);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            all.AddRange(page.GetProperty("results").EnumerateArray().Select(e => e.Clone()));
            cursor = page.TryGetProperty("moreDataAvailable", out var more) && more.GetBoolean() ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);
        return all;
    }

    public Task SyncAsync() => Webhooks.SyncAsync(SyncMode.Full);

    /// <summary>Runs the export as JSON Lines; answers its rows by key and the report.</summary>
    public async Task<(List<JsonElement> Rows, ExportReport Report)> RunAsync(ExportDefinition export, bool compensation = true, DateTimeOffset? since = null, string actor = "test")
    {
        using var output = new MemoryStream();
        var report = await Runner.RunAsync(export, new ExportRunRequest(ExportFormat.Jsonl, since, compensation, actor), output, Ct);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return ([.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())], report);
    }

    public async Task<ExportDefinition> DefineAsync(string name, IReadOnlyList<string>? fields = null, ExportFilters? filters = null) =>
        await Definitions.CreateAsync(new NewExport(name, "acme", fields ?? [], filters), "test", Ct);

    public async ValueTask DisposeAsync() => await Webhooks.DisposeAsync();
}
