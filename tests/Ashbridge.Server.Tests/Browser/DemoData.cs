using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The demo connection as a new install sees it a minute in: its first pass done, new hires waiting, and one of them
/// added as a member (its missing fields filled in through the API first).
/// </summary>
public sealed record DemoData(string PendingApplicationId, string AddedApplicationId, long MemberId)
{
    public static async Task<DemoData> PrepareAsync(HubFactory hub, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hub);
        using var admin = hub.CreateClient();
        await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/runs", ct),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded"), TimeSpan.FromSeconds(90), "the demo's first pass");
        var hires = await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/new-hires", ct),
            list => list.GetArrayLength() >= 2, TimeSpan.FromSeconds(60), "the demo's new hires");
        var complete = hires.EnumerateArray().FirstOrDefault(h => h.GetProperty("missing").GetArrayLength() == 0);
        var added = complete.ValueKind == JsonValueKind.Object ? complete : hires[0];
        var addedId = added.GetProperty("applicationId").GetString()!;
        if (added.GetProperty("missing").GetArrayLength() > 0)
        {
            var values = added.GetProperty("missing").EnumerateArray().ToDictionary(m => m.GetString()!, m => m.GetString() switch
            {
                "personal_email" => "new.colleague@example.com",
                "start_date" => "2027-01-04",
                _ => "Filled",
            });
            (await admin.PutAsJsonAsync($"/api/connections/demo/new-hires/{addedId}", new { values }, ct)).EnsureSuccessStatusCode();
        }

        var member = await admin.PostAsync(new Uri($"/api/connections/demo/new-hires/{addedId}/member", UriKind.Relative), null, ct);
        member.StatusCode.ShouldBe(HttpStatusCode.Created, await member.Content.ReadAsStringAsync(ct));
        var memberId = (await member.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        var pending = hires.EnumerateArray().First(h => h.GetProperty("applicationId").GetString() != addedId).GetProperty("applicationId").GetString()!;
        return new DemoData(pending, addedId, memberId);
    }
}
