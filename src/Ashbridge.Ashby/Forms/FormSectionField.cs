using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A field as placed in a form section: whether it is required, and its definition.</summary>
public sealed partial class FormSectionField
{
    /// <summary>Whether the applicant must answer it.</summary>
    [JsonPropertyName("isRequired")]
    public required bool IsRequired { get; init; }

    /// <summary>Ashby's <c>descriptionHtml</c>.</summary>
    [JsonPropertyName("descriptionHtml")]
    public string? DescriptionHtml { get; init; }

    /// <summary>Ashby's <c>descriptionPlain</c>.</summary>
    [JsonPropertyName("descriptionPlain")]
    public string? DescriptionPlain { get; init; }

    /// <summary>The field's definition.</summary>
    [JsonPropertyName("field")]
    public required FormField Field { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
