using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>The archive email sent with a move to an Archived stage.</summary>
public sealed partial class ArchiveEmail
{
    /// <summary>Ashby's <c>communicationTemplateId</c>.</summary>
    [JsonPropertyName("communicationTemplateId")]
    public required string CommunicationTemplateId { get; init; }

    /// <summary>Ashby's <c>sendAt</c>.</summary>
    [JsonPropertyName("sendAt")]
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
