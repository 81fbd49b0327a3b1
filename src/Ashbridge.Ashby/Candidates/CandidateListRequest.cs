using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>candidate.list</c>.</summary>
public sealed partial class CandidateListRequest : AshbyListRequest
{
    /// <summary>Only candidates added after this time. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("createdAfter")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Only candidates added before this time. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("createdBefore")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
