using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>candidate.search</c> (AND-combined; at most 100 results).</summary>
public sealed partial class CandidateSearchRequest
{
    /// <summary>Ashby's <c>email</c>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Ashby's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
