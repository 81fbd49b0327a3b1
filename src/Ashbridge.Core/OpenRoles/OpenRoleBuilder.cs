using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ashbridge.Core.OpenRoles;

/// <summary>
/// Builds an open role from a mirrored posting, its job, the job's openings and the names the mirror knows. Pure: the
/// importer decides which postings are open and where the descriptions come from.
/// </summary>
internal static class OpenRoleBuilder
{
    public const string HiringManagerRole = "Hiring Manager";

    /// <summary>Whether Ashby has the posting published: the list answers <c>publishedDate: null</c> for an unpublished one.</summary>
    public static bool IsPublished(JsonElement posting) =>
        posting.TryGetProperty("publishedDate", out var date) && date.ValueKind == JsonValueKind.String && date.GetString() is { Length: > 0 };

    /// <summary>The posting's job id.</summary>
    public static string? JobId(JsonElement posting) => Text(posting, "jobId");

    /// <summary>Whether the job is confidential.</summary>
    public static bool IsConfidential(JsonElement? job) => job is { } j && j.TryGetProperty("confidential", out var c) && c.ValueKind == JsonValueKind.True;

    /// <summary>The role of an open, published posting (times are the importer's).</summary>
    public static OpenRole Build(long connectionId, OpenRoleSources.PostingRow posting, OpenRoleSources sources, string? descriptionHtml, string? descriptionPlain)
    {
        var p = posting.Json;
        var jobId = JobId(p);
        JsonElement? job = jobId is not null && sources.Jobs.TryGetValue(jobId, out var j) ? j : null;
        var departmentId = job is { } jd ? Text(jd, "departmentId") : null;
        var departmentName = departmentId is not null && sources.Departments.TryGetValue(departmentId, out var dn) && dn is not null ? dn : Text(p, "departmentName");
        var locationName = Text(p, "locationName")
            ?? (job is { } jl && Text(jl, "locationId") is { } locationId && sources.Locations.TryGetValue(locationId, out var ln) ? ln : null);

        var team = job is { } jt ? Team(jt, sources) : [];
        var manager = team.FirstOrDefault(m => string.Equals(m.Role, HiringManagerRole, StringComparison.OrdinalIgnoreCase));
        var openings = jobId is not null && sources.OpeningsByJob.TryGetValue(jobId, out var list)
            ? [.. list.Select(Opening).OrderBy(o => IsOpen(o) ? 0 : 1)]
            : new List<OpenRoleOpening>();
        var open = openings.Count(IsOpen);
        // The first open opening speaks for the role; without one, the latest (the list keeps Ashby's order, newest last).
        var first = openings.FirstOrDefault(IsOpen) ?? openings.LastOrDefault();

        return new OpenRole(
            connectionId, posting.Id, jobId, Text(p, "title") ?? (job is { } jt2 ? Text(jt2, "title") : null) ?? posting.Id, descriptionHtml, descriptionPlain,
            departmentId, departmentName, locationName, "Published", p.TryGetProperty("isListed", out var listed) && listed.ValueKind == JsonValueKind.True,
            IsConfidential(job), PublishedDate(p), Text(p, "externalLink") ?? Text(p, "applyLink"), Text(p, "applyLink"),
            Text(p, "employmentType") ?? (job is { } je ? Text(je, "employmentType") : null), job is { } js ? Text(js, "status") : null,
            manager, team, openings, openings.Count == 0 ? 1 : open, first?.State, first?.TargetHireDate, first?.TargetStartDate, first?.IsBackfill,
            default, default, null);
    }

    /// <summary>A hash of everything the role shows (not its times), to count a role as changed only when it did.</summary>
    public static string Hash(OpenRole role)
    {
        var content = role with { FirstSeenAt = default, UpdatedAt = default, ClosedAt = null };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content, OpenRoleCatalog.JsonOptions))));
    }

    private static bool IsOpen(OpenRoleOpening o) => string.Equals(o.State, "Open", StringComparison.Ordinal);

    private static List<OpenRoleTeamMember> Team(JsonElement job, OpenRoleSources sources)
    {
        var team = new List<OpenRoleTeamMember>();
        if (!job.TryGetProperty("hiringTeam", out var members) || members.ValueKind != JsonValueKind.Array) return team;
        foreach (var m in members.EnumerateArray())
        {
            if (Text(m, "userId") is not { } userId) continue;
            // The mirror's user is the current name and address; the team entry's copy is the fallback.
            var known = sources.Users.TryGetValue(userId, out var user);
            team.Add(new OpenRoleTeamMember(
                userId,
                (known ? user.Name : null) ?? OpenRoleSources.JoinName(Text(m, "firstName"), Text(m, "lastName")),
                (known ? user.Email : null) ?? Text(m, "email"),
                Text(m, "role") ?? ""));
        }

        return team;
    }

    private static OpenRoleOpening Opening(JsonElement o)
    {
        var version = o.TryGetProperty("latestVersion", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
        var hasVersion = version.ValueKind == JsonValueKind.Object;
        return new OpenRoleOpening(
            Text(o, "id") ?? "", hasVersion ? Text(version, "identifier") : null, Text(o, "openingState"),
            hasVersion ? Date(Text(version, "targetHireDate")) : null, hasVersion ? Date(Text(version, "targetStartDate")) : null,
            hasVersion && version.TryGetProperty("isBackfill", out var b) && b.ValueKind is JsonValueKind.True or JsonValueKind.False ? b.GetBoolean() : null,
            hasVersion ? Text(version, "employmentType") : null);
    }

    /// <summary>A date as yyyy-MM-dd, from Ashby's date or timestamp.</summary>
    private static string? Date(string? value)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return value.Length >= 10 ? value[..10] : value;
    }

    private static DateTimeOffset? PublishedDate(JsonElement posting) =>
        Text(posting, "publishedDate") is { } date
        && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
