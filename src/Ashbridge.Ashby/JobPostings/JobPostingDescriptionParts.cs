using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A posting's description in parts.</summary>
public sealed partial class JobPostingDescriptionParts
{
    /// <summary>Ashby's <c>descriptionOpening</c>.</summary>
    [JsonPropertyName("descriptionOpening")]
    public DescriptionPart? DescriptionOpening { get; init; }

    /// <summary>Ashby's <c>descriptionBody</c>.</summary>
    [JsonPropertyName("descriptionBody")]
    public DescriptionPart? DescriptionBody { get; init; }

    /// <summary>Ashby's <c>descriptionClosing</c>.</summary>
    [JsonPropertyName("descriptionClosing")]
    public DescriptionPart? DescriptionClosing { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
