using System.Text.Json;

namespace Ashbridge.Core.NewHires;

/// <summary>The member fields mapped from a hire, and what could not be mapped.</summary>
/// <param name="Values">Field key → value; a missing value is absent.</param>
/// <param name="Problems">Custom values that do not fit their type, or why a default field is empty.</param>
public sealed record ImportedHire(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Problems)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportedHire FromJson(string json) => JsonSerializer.Deserialize<ImportedHire>(json, Json) ?? new ImportedHire(new Dictionary<string, string>(), []);
}
