using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Core.NewHires;

/// <summary>The type of a member field a custom mapping fills; Ashby's value is converted to it or reported as not fitting.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberFieldType>))]
public enum MemberFieldType
{
    Text,
    Number,
    Date,
    Boolean,
    Money,
}

/// <summary>The Ashby object a custom field is read from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomFieldSource>))]
public enum CustomFieldSource
{
    Candidate,
    Application,
    Job,
    Offer,
}

/// <summary>An Ashby custom field copied into a named member field.</summary>
/// <param name="Source">The object carrying the field (for offers, the accepted offer's latest version).</param>
/// <param name="AshbyFieldId">The custom field definition's id (from <c>customField.list</c>).</param>
/// <param name="MemberField">The member field's name.</param>
/// <param name="Type">What the value must convert to.</param>
public sealed record CustomMapping(CustomFieldSource Source, string AshbyFieldId, string MemberField, MemberFieldType Type);

/// <summary>A compensation beside salary (a signing bonus, equity), read from an offer custom field as an amount.</summary>
public sealed record CompensationType(string Name, string AshbyFieldId);

/// <summary>A connection's new-hire mapping: the default fields switched off, custom mappings and compensation types.</summary>
public sealed record NewHireSettings(IReadOnlyList<string> DisabledFields, IReadOnlyList<CustomMapping> CustomMappings, IReadOnlyList<CompensationType> CompensationTypes)
{
    public static NewHireSettings Default { get; } = new([], [], []);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether a default field (or a salary part) is imported.</summary>
    public bool IsEnabled(string key) =>
        !DisabledFields.Contains(NewHireFields.SalaryParts.Contains(key) ? NewHireFields.SalaryAmount : key, StringComparer.Ordinal);

    /// <summary>What is wrong with these settings, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var key in DisabledFields)
        {
            if (NewHireFields.Find(key) is not { } field) problems.Add($"'{key}' is not a default field; switchable fields: {string.Join(", ", NewHireFields.Switchable)}.");
            else if (field.Required) problems.Add($"{field.Label} is required and cannot be switched off.");
        }

        foreach (var mapping in CustomMappings)
        {
            if (string.IsNullOrWhiteSpace(mapping.MemberField)) problems.Add("A custom mapping needs a member field name.");
            if (string.IsNullOrWhiteSpace(mapping.AshbyFieldId)) problems.Add($"The custom mapping '{mapping.MemberField}' needs an Ashby custom field.");
            if (NewHireFields.Find(Normalize(mapping.MemberField)) is not null) problems.Add($"'{mapping.MemberField}' is a default field; name the custom field differently.");
        }

        problems.AddRange(CustomMappings.GroupBy(m => m.MemberField.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"Two custom mappings fill '{g.Key}'; each member field takes one Ashby field."));
        foreach (var compensation in CompensationTypes)
        {
            if (string.IsNullOrWhiteSpace(compensation.Name)) problems.Add("A compensation type needs a name.");
            if (string.IsNullOrWhiteSpace(compensation.AshbyFieldId)) problems.Add($"The compensation type '{compensation.Name}' needs an offer custom field.");
        }

        problems.AddRange(CompensationTypes.GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"Two compensation types are named '{g.Key}'."));
        return problems;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static NewHireSettings FromJson(string json) => JsonSerializer.Deserialize<NewHireSettings>(json, Json) ?? Default;

    private static string Normalize(string name) => name.Trim().Replace(' ', '_').ToLowerInvariant();
}

/// <summary>The settings were refused; the message lists why.</summary>
public sealed class NewHireSettingsException : Exception
{
    public NewHireSettingsException() { }

    public NewHireSettingsException(string message) : base(message) { }

    public NewHireSettingsException(string message, Exception? innerException) : base(message, innerException) { }
}
