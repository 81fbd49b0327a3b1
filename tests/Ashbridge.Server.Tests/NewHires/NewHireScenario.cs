using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.NewHires;

/// <summary>
/// Hires in an emulated Ashby, brought into a hub's queue: connect, hire some active applications (each test takes
/// fresh ones, since a hire leaves the active list), sync, and wait until the hub has them.
/// </summary>
internal static class NewHireScenario
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adds the connection and waits for its first pass.</summary>
    public static async Task ConnectAsync(HttpClient admin, EmulatorFixture ashby, string name = "acme")
    {
        (await admin.PostAsJsonAsync("/api/connections", new { name, apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>($"/api/connections/{name}/runs", Ct),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded"), TimeSpan.FromSeconds(60), $"{name}'s first pass");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Used = new(StringComparer.Ordinal);

    /// <summary>
    /// Active applications with their candidates, read through the emulated API. Each candidate has no other
    /// application and is given to one test only: a test renames candidates, and a renamed candidate with another
    /// hire would show up under the new name twice.
    /// </summary>
    public static async Task<IReadOnlyList<(string ApplicationId, string CandidateId)>> ActiveApplicationsAsync(EmulatorFixture ashby, int count)
    {
        using var http = new HttpClient();
        var all = new List<(string Id, string Candidate, string? Status)>();
        string? cursor = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ashby.BaseUrl, "application.list"))
            {
                Content = JsonContent.Create(new { limit = 100, cursor }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ashby.ApiKey + ":")));
            using var response = await http.SendAsync(request, Ct);
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Ct), cancellationToken: Ct);
            all.AddRange(body.RootElement.GetProperty("results").EnumerateArray()
                .Select(a => (a.GetProperty("id").GetString()!, a.GetProperty("candidate").GetProperty("id").GetString()!, a.GetProperty("status").GetString())));
            cursor = body.RootElement.TryGetProperty("moreDataAvailable", out var more) && more.GetBoolean() ? body.RootElement.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);

        var applications = all.GroupBy(a => a.Candidate).ToDictionary(g => g.Key, g => g.Count());
        var found = all.Where(a => a.Status == "Active" && applications[a.Candidate] == 1 && Used.TryAdd($"{ashby.BaseUrl} {a.Candidate}", 0))
            .Take(count).Select(a => (a.Id, a.Candidate)).ToList();
        found.Count.ShouldBe(count, "the emulated organisation has too few active applications left");
        return found;
    }

    /// <summary>Posts to the emulator's control API.</summary>
    public static async Task ControlAsync(EmulatorFixture ashby, string path, object body)
    {
        using var control = new HttpClient { BaseAddress = new Uri(ashby.BaseUrl, "_emulator/") };
        (await control.PostAsJsonAsync(path, body, Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>Hires the applications in Ashby (start dates as given, or far ahead), syncs, and waits for them in the hub.</summary>
    public static async Task HireAsync(HttpClient admin, EmulatorFixture ashby, IEnumerable<string> applicationIds, string connection = "acme", string startDate = "2031-06-01")
    {
        var ids = applicationIds.ToList();
        foreach (var id in ids) await ControlAsync(ashby, $"applications/{id}/hire", new { startDate });
        (await admin.PostAsJsonAsync($"/api/connections/{connection}/sync", new { }, Ct)).EnsureSuccessStatusCode();
        foreach (var id in ids)
        {
            await Eventually.ValueAsync(() => admin.GetAsync(new Uri($"/api/connections/{connection}/new-hires/{id}", UriKind.Relative), Ct),
                r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), $"the new hire {id}");
        }
    }

    /// <summary>A new hire as the API shows it.</summary>
    public static async Task<JsonElement> GetAsync(HttpClient admin, string applicationId, string connection = "acme") =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/connections/{connection}/new-hires/{applicationId}", Ct)).GetProperty("newHire");

    /// <summary>A hire's display name: its first and last name.</summary>
    public static string NameOf(JsonElement hire) =>
        $"{hire.GetProperty("values").GetProperty("first_name").GetString()} {hire.GetProperty("values").GetProperty("last_name").GetString()}";
}
