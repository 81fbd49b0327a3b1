using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.Dedupe;

/// <summary>A candidate of the demo connection the tests check a prospect against, read from the hub's mirror once the demo's first pass is in.</summary>
public sealed record DedupeScenario(string CandidateId, string FirstName, string LastName, string Email, string LinkedIn)
{
    public static async Task<DedupeScenario> PrepareAsync(HubFactory hub, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hub);
        using var admin = hub.CreateClient();
        await Eventually.ValueAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/runs", ct),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded"), TimeSpan.FromSeconds(90), "the demo's first pass");

        await using var db = await hub.Services.GetRequiredService<AshbridgeDatabase>().ConnectAsync(ct);
        var rows = await db.QueryAsync<(string Id, string Json)>(new CommandDefinition(
            "SELECT id, raw_json FROM mirror_candidates WHERE deleted_ms IS NULL AND raw_json LIKE '%linkedin.com/in/%' AND raw_json LIKE '%\"primaryEmailAddress\":%' ORDER BY id LIMIT 50",
            cancellationToken: ct));
        foreach (var (id, json) in rows)
        {
            var c = JsonDocument.Parse(json).RootElement;
            var name = c.GetProperty("name").GetString()!.Split(' ');
            if (name.Length != 2) continue;
            var linkedIn = c.GetProperty("socialLinks").EnumerateArray().First(l => l.GetProperty("type").GetString() == "LinkedIn").GetProperty("url").GetString()!;
            return new DedupeScenario(id, name[0], name[1], c.GetProperty("primaryEmailAddress").GetProperty("value").GetString()!, linkedIn);
        }

        throw new InvalidOperationException("The demo has no candidate with a two-word name, an email and a LinkedIn profile.");
    }

    /// <summary>The email as a sourcer might type it: upper case, with a +tag.</summary>
    public string EmailAsTyped => Email.Split('@') is [var local, var domain] ? $"{local.ToUpperInvariant()}+sourcing@{domain}" : Email;

    /// <summary>The LinkedIn profile as a locale sub-domain shows it, without the scheme and with a query.</summary>
    public string LinkedInAsTyped => LinkedIn.Replace("https://www.linkedin.com", "uk.linkedin.com", StringComparison.Ordinal) + "?trk=people";

    public string Slug => LinkedIn.TrimEnd('/').Split('/')[^1];

    /// <summary>Calls an Ashby endpoint of the demo's emulator with the demo connection's own key (to see what a write did there).</summary>
    public static async Task<JsonNode> AshbyAsync(HubFactory hub, string endpoint, JsonObject parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var connection = await hub.Services.GetRequiredService<ConnectionStore>().GetAsync("demo", ct);
        var client = await hub.Services.GetRequiredService<AshbyClientPool>().GetClientAsync(connection, ct);
        var result = await client.SendRawAsync(endpoint, parameters, null, ct);
        return JsonNode.Parse(result.GetRawText())!;
    }
}
