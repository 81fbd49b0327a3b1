using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A form (an application form or a survey): sections of fields.</summary>
public sealed partial class FormDefinition
{
    /// <summary>The sections, in order.</summary>
    [JsonPropertyName("sections")]
    public IReadOnlyList<FormDefinitionSection>? Sections { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
