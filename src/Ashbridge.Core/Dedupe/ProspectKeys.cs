namespace Ashbridge.Core.Dedupe;

/// <summary>A prospect read into the keys the index holds, or the list of what is wrong with it.</summary>
public sealed record ProspectKeys(PersonName Name, IReadOnlyList<EmailKey> Emails, IReadOnlyList<string> Phones, IReadOnlyList<ProfileUrl> Urls, string Company)
{
    /// <summary>At most this many emails, phones or URLs in one check.</summary>
    public const int MaxValues = 20;

    /// <summary>Reads <paramref name="prospect"/>; phones without a country code are read in <paramref name="defaultRegion"/>.</summary>
    /// <exception cref="DuplicateCheckInvalidException">Something is missing or malformed; every problem is listed.</exception>
    public static ProspectKeys Parse(DuplicateProspect prospect, string defaultRegion = PhoneKey.DefaultRegion)
    {
        ArgumentNullException.ThrowIfNull(prospect);
        var problems = new List<string>();
        if (!PhoneKey.IsKnownRegion(defaultRegion)) problems.Add($"'{defaultRegion}' is not a region code; use two letters such as US, GB or DE.");
        var region = problems.Count == 0 ? defaultRegion.ToUpperInvariant() : PhoneKey.DefaultRegion;

        var emails = new List<EmailKey>();
        foreach (var text in Given(prospect.Emails, "emails", problems))
        {
            if (EmailKey.TryParse(text, out var e)) emails.Add(e);
            else problems.Add($"'{text}' is not an email address.");
        }

        var phones = new List<string>();
        foreach (var text in Given(prospect.Phones, "phones", problems))
        {
            if (PhoneKey.TryNormalize(text, region, out var e164)) phones.Add(e164);
            else problems.Add($"'{text}' is not a phone number (read in region {region} when it has no country code).");
        }

        var urls = new List<ProfileUrl>();
        foreach (var text in Given(prospect.Urls, "urls", problems))
        {
            if (ProfileUrl.TryParse(text, out var url)) urls.Add(url);
            else problems.Add($"'{text}' is not a web address.");
        }

        if ((prospect.FirstName?.Length ?? 0) > 200 || (prospect.LastName?.Length ?? 0) > 200) problems.Add("A first or last name is at most 200 characters.");
        var name = PersonName.FromParts(prospect.FirstName, prospect.LastName);
        var anyContact = new[] { prospect.Emails, prospect.Phones, prospect.Urls }.Any(list => list?.Any(v => !string.IsNullOrWhiteSpace(v)) == true);
        if (!name.IsComplete && !anyContact)
        {
            problems.Add(name.First.Length == 0 && name.Last.Length == 0
                ? "Give a first and last name, or at least one email, phone or URL: there is nothing to check."
                : "Give both a first and a last name, or at least one email, phone or URL: a name alone is matched on both parts.");
        }

        if (problems.Count > 0) throw new DuplicateCheckInvalidException(problems);
        return new ProspectKeys(name, [.. emails.DistinctBy(e => e.Exact)], [.. phones.Distinct(StringComparer.Ordinal)], [.. urls.Distinct()], NameFolding.Fold(prospect.Company));
    }

    private static IEnumerable<string> Given(IReadOnlyList<string>? values, string field, List<string> problems)
    {
        if (values is null) return [];
        if (values.Count > MaxValues) problems.Add($"At most {MaxValues} {field} in one check.");
        return values.Take(MaxValues).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim());
    }
}
