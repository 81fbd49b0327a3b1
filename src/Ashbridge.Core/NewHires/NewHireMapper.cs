using System.Globalization;
using System.Text.Json;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.NewHires;

/// <summary>Maps a hire's Ashby data to member fields, as a connection's settings say.</summary>
public static class NewHireMapper
{
    /// <summary>Ashby's offer salary is the yearly base pay.</summary>
    public const string SalaryPeriod = "annual";

    public static ImportedHire Map(HireSources sources, NewHireSettings settings)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(settings);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        void Set(string key, string? value)
        {
            if (settings.IsEnabled(key) && !string.IsNullOrWhiteSpace(value)) values[key] = value.Trim();
        }

        var candidate = sources.Candidate ?? Property(sources.Application, AshbyFields.Candidate);
        var (first, last) = NameSplitter.Split(Text(candidate, AshbyFields.Name));
        Set(NewHireFields.FirstName, first);
        Set(NewHireFields.LastName, last);
        Set(NewHireFields.PersonalEmail, Personal(candidate, AshbyFields.EmailAddresses, AshbyFields.PrimaryEmailAddress));
        Set(NewHireFields.PersonalPhone, Personal(candidate, AshbyFields.PhoneNumbers, AshbyFields.PrimaryPhoneNumber));
        if (!values.ContainsKey(NewHireFields.PersonalEmail)) problems.Add("The candidate has no personal email address in Ashby (a work address is not used).");

        var job = sources.Job ?? Property(sources.Application, AshbyFields.Job);
        Set(NewHireFields.JobTitle, Text(job, AshbyFields.Title));
        if (Text(job, AshbyFields.DepartmentId) is { } departmentId && sources.DepartmentNames.TryGetValue(departmentId, out var department)) Set(NewHireFields.Department, department);
        if (Text(job, AshbyFields.LocationId) is { } locationId && sources.LocationNames.TryGetValue(locationId, out var location)) Set(NewHireFields.PlaceOfWork, location);

        var version = AcceptedOfferVersion(sources.Offers);
        if (version is null)
        {
            problems.Add("No accepted offer yet: start date and salary come from the accepted offer, and fill in when it arrives.");
        }
        else
        {
            if (Text(version, AshbyFields.StartDate) is { } start && DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startDate))
            {
                Set(NewHireFields.StartDate, startDate.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (Property(version, AshbyFields.Salary) is { ValueKind: JsonValueKind.Object } salary
                && salary.TryGetProperty(AshbyFields.Value, out var amount) && amount.ValueKind == JsonValueKind.Number)
            {
                Set(NewHireFields.SalaryAmount, amount.GetDecimal().ToString("0.00", CultureInfo.InvariantCulture));
                Set(NewHireFields.SalaryCurrency, Text(salary, AshbyFields.CurrencyCode));
                Set(NewHireFields.SalaryPeriod, SalaryPeriod);
            }
        }

        var salaryCurrency = values.GetValueOrDefault(NewHireFields.SalaryCurrency);
        foreach (var mapping in settings.CustomMappings)
        {
            var owner = mapping.Source switch
            {
                CustomFieldSource.Candidate => sources.Candidate,
                CustomFieldSource.Application => sources.Application,
                CustomFieldSource.Job => sources.Job,
                _ => version,
            };
            MapCustom(owner, mapping.AshbyFieldId, mapping.Type, NewHireFields.CustomPrefix + mapping.MemberField.Trim(), mapping.MemberField, salaryCurrency, values, problems);
        }

        foreach (var compensation in settings.CompensationTypes)
        {
            MapCustom(version, compensation.AshbyFieldId, MemberFieldType.Money, NewHireFields.CompensationPrefix + compensation.Name.Trim(), compensation.Name, salaryCurrency, values, problems);
        }

        return new ImportedHire(values, problems);
    }

    private static void MapCustom(
        JsonElement? owner, string fieldId, MemberFieldType type, string key, string name, string? currency, Dictionary<string, string> values, List<string> problems)
    {
        if (CustomFieldValues.Find(owner, fieldId) is not { } field) return;
        var (value, error) = CustomFieldValues.Convert(field, type, currency);
        if (error is not null) problems.Add($"{name}: Ashby's '{CustomFieldValues.Title(field, fieldId)}' {error}; fill it in by hand or change the mapping's type.");
        else if (!string.IsNullOrWhiteSpace(value)) values[key] = value;
    }

    /// <summary>The latest version of the accepted offer (the most recently decided one, if several).</summary>
    public static JsonElement? AcceptedOfferVersion(IReadOnlyList<JsonElement> offers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        return offers
            .Where(o => Text(o, AshbyFields.AcceptanceStatus) == "Accepted" && Property(o, AshbyFields.LatestVersion) is { ValueKind: JsonValueKind.Object })
            .OrderByDescending(o => Text(o, AshbyFields.DecidedAt) ?? "", StringComparer.Ordinal)
            .ThenByDescending(o => Text(Property(o, AshbyFields.LatestVersion), AshbyFields.CreatedAt) ?? "", StringComparer.Ordinal)
            .Select(o => Property(o, AshbyFields.LatestVersion))
            .FirstOrDefault();
    }

    /// <summary>The personal-type entry of an email or phone list (the primary one first); never a work one.</summary>
    private static string? Personal(JsonElement? candidate, string list, string primary)
    {
        var entries = new List<JsonElement>();
        if (Property(candidate, list) is { ValueKind: JsonValueKind.Array } all) entries.AddRange(all.EnumerateArray());
        else if (Property(candidate, primary) is { ValueKind: JsonValueKind.Object } only) entries.Add(only);
        return entries
            .Where(e => Text(e, AshbyFields.Type) == "Personal")
            .OrderByDescending(e => Property(e, AshbyFields.IsPrimary) is { ValueKind: JsonValueKind.True })
            .Select(e => Text(e, AshbyFields.Value))
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
    }

    private static JsonElement? Property(JsonElement? owner, string name) =>
        owner is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement? owner, string name) =>
        Property(owner, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
