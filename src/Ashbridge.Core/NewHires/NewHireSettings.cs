using System.Text.Json;

namespace Ashbridge.Core.NewHires;

/// <summary>A connection's new-hire mapping: the default fields switched off, custom mappings and compensation types.</summary>
public sealed record NewHireSettings(IReadOnlyList<string> DisabledFields, IReadOnlyList<CustomMapping> CustomMappings, IReadOnlyList<CompensationType> CompensationTypes)
{
    public static NewHireSettings Default { get; } = new([], [], []);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether a default field (or a salary part) is imported.</summary>
    public bool IsEnabled(string key) =>
        !DisabledFields.Contains(NewHireFields.SalaryParts.Contains(key) ? NewHireFields.SalaryAmount : key, StringComparer.Ordinal);

    /// <summary>What is wrong with these settings, or an empty list.</summary>
    /// <remarks>Settings may come straight from JSON, so any list or member may be null; each such gap is a problem, not an exception.</remarks>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var key in DisabledFields ?? [])
        {
            if (NewHireFields.Find(key) is not { } field) problems.Add($"'{key}' is not a default field; switchable fields: {string.Join(", ", NewHireFields.Switchable)}.");
            else if (field.Required) problems.Add($"{field.Label} is required and cannot be switched off.");
        }

        var mappings = CustomMappings ?? [];
        for (var i = 0; i < mappings.Count; i++)
        {
            if (mappings[i] is not { } mapping)
            {
                problems.Add($"Custom mapping {i + 1} is empty (null); give it a source, an Ashby custom field and a member field, or remove it.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(mapping.MemberField)) problems.Add("A custom mapping needs a member field name.");
            if (string.IsNullOrWhiteSpace(mapping.AshbyFieldId)) problems.Add($"The custom mapping '{mapping.MemberField}' needs an Ashby custom field.");
            if (!Enum.IsDefined(mapping.Source)) problems.Add($"The custom mapping '{mapping.MemberField}' reads from an unknown object; use one of: {string.Join(", ", Enum.GetNames<CustomFieldSource>())}.");
            if (!Enum.IsDefined(mapping.Type)) problems.Add($"The custom mapping '{mapping.MemberField}' has an unknown type; use one of: {string.Join(", ", Enum.GetNames<MemberFieldType>())}.");
            if (mapping.MemberField is { } memberField && NewHireFields.Find(Normalize(memberField)) is not null) problems.Add($"'{memberField}' is a default field; name the custom field differently.");
        }

        problems.AddRange(mappings.Where(m => m?.MemberField is not null).GroupBy(m => m.MemberField.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"Two custom mappings fill '{g.Key}'; each member field takes one Ashby field."));
        var compensations = CompensationTypes ?? [];
        for (var i = 0; i < compensations.Count; i++)
        {
            if (compensations[i] is not { } compensation)
            {
                problems.Add($"Compensation type {i + 1} is empty (null); give it a name and an offer custom field, or remove it.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(compensation.Name)) problems.Add("A compensation type needs a name.");
            if (string.IsNullOrWhiteSpace(compensation.AshbyFieldId)) problems.Add($"The compensation type '{compensation.Name}' needs an offer custom field.");
        }

        problems.AddRange(compensations.Where(c => c?.Name is not null).GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"Two compensation types are named '{g.Key}'."));
        return problems;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static NewHireSettings FromJson(string json) => JsonSerializer.Deserialize<NewHireSettings>(json, Json) ?? Default;

    private static string Normalize(string name) => name.Trim().Replace(' ', '_').ToLowerInvariant();
}
