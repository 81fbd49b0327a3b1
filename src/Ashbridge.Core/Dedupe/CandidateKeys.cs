using System.Text.Json;

namespace Ashbridge.Core.Dedupe;

/// <summary>
/// The keys of a candidate as the mirror holds it (Ashby's candidate JSON): every address of <c>emailAddresses</c> and
/// <c>primaryEmailAddress</c>, every number of <c>phoneNumbers</c> and <c>primaryPhoneNumber</c>, every link of
/// <c>socialLinks</c> (and <c>linkedInUrl</c>, <c>githubUrl</c>, <c>website</c> where an answer has them), and the
/// blocking keys of <c>name</c>. Values that do not parse are left out: they cannot match a parsed prospect.
/// </summary>
public static class CandidateKeys
{
    /// <summary>The candidate's keys, each once.</summary>
    public static IReadOnlyList<MatchKey> Read(JsonElement candidate, string defaultRegion = PhoneKey.DefaultRegion)
    {
        var keys = new List<MatchKey>(Emails(candidate));
        foreach (var phone in Values(candidate, "phoneNumbers", "primaryPhoneNumber"))
        {
            if (PhoneKey.TryNormalize(phone, defaultRegion, out var e164)) keys.Add(new MatchKey(MatchKeyKind.Phone, e164, phone));
        }

        foreach (var link in Links(candidate))
        {
            if (ProfileUrl.TryParse(link, out var url)) keys.Add(new MatchKey(MatchKeyKind.Url, url.Key, link));
        }

        var name = candidate.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        foreach (var key in PersonName.FromFullName(name).BlockingKeys()) keys.Add(new MatchKey(MatchKeyKind.Name, key, name!));
        return [.. keys.DistinctBy(k => (k.Kind, k.Key))];
    }

    /// <summary>The candidate's email keys alone (what explaining a match needs; phones and links cost a parse each).</summary>
    public static IReadOnlyList<MatchKey> Emails(JsonElement candidate)
    {
        var keys = new List<MatchKey>();
        foreach (var email in Values(candidate, "emailAddresses", "primaryEmailAddress"))
        {
            if (EmailKey.TryParse(email, out var e)) keys.Add(new MatchKey(MatchKeyKind.Email, e.Canonical, e.Exact));
        }

        return [.. keys.DistinctBy(k => k.Key)];
    }

    private static IEnumerable<string> Values(JsonElement candidate, string list, string primary)
    {
        if (candidate.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (Text(item, "value") is { } value) yield return value;
            }
        }

        if (candidate.TryGetProperty(primary, out var p) && p.ValueKind == JsonValueKind.Object && Text(p, "value") is { } primaryValue) yield return primaryValue;
    }

    private static IEnumerable<string> Links(JsonElement candidate)
    {
        if (candidate.TryGetProperty("socialLinks", out var links) && links.ValueKind == JsonValueKind.Array)
        {
            foreach (var link in links.EnumerateArray())
            {
                if (Text(link, "url") is { } url) yield return url;
            }
        }

        foreach (var field in new[] { "linkedInUrl", "githubUrl", "website" })
        {
            if (Text(candidate, field) is { } url) yield return url;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
