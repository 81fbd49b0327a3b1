using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>One section of a form.</summary>
public sealed partial class FormDefinitionSection
{
    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Ashby's <c>descriptionHtml</c>.</summary>
    [JsonPropertyName("descriptionHtml")]
    public string? DescriptionHtml { get; init; }

    /// <summary>Ashby's <c>descriptionPlain</c>.</summary>
    [JsonPropertyName("descriptionPlain")]
    public string? DescriptionPlain { get; init; }

    /// <summary>The fields, in order.</summary>
    [JsonPropertyName("fields")]
    public required IReadOnlyList<FormSectionField> Fields { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
