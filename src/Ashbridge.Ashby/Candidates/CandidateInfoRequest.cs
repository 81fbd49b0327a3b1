using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>candidate.info</c> (by <c>id</c> or <c>externalMappingId</c>).</summary>
public sealed partial class CandidateInfoRequest
{
    /// <summary>The candidate id (the parameter is <c>id</c>, not <c>candidateId</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>An id assigned by an external system.</summary>
    [JsonPropertyName("externalMappingId")]
    public string? ExternalMappingId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
