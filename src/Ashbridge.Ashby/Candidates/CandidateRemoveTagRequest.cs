using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>candidate.removeTag</c>.</summary>
public sealed partial class CandidateRemoveTagRequest
{
    /// <summary>Ashby's <c>candidateId</c>.</summary>
    [JsonPropertyName("candidateId")]
    public required string CandidateId { get; init; }

    /// <summary>A tag id from <c>candidateTag.list</c>.</summary>
    [JsonPropertyName("tagId")]
    public required string TagId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
