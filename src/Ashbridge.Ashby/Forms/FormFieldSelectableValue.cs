using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>An option of a select form field.</summary>
public sealed partial class FormFieldSelectableValue
{
    /// <summary>Ashby's <c>label</c>.</summary>
    [JsonPropertyName("label")]
    public required string Label { get; init; }

    /// <summary>Ashby's <c>value</c>.</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
