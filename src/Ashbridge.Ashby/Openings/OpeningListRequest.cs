using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>opening.list</c>.</summary>
public sealed partial class OpeningListRequest : AshbyListRequest
{
    /// <summary>Ashby's <c>createdAfter</c>. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("createdAfter")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
