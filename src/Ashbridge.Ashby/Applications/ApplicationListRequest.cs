using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>application.list</c>.</summary>
public sealed partial class ApplicationListRequest : AshbyListRequest
{
    /// <summary>Ashby's <c>createdAfter</c>. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("createdAfter")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Ashby's <c>createdBefore</c>. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("createdBefore")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>One status (a single string, unlike <c>job.list</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Ashby's <c>jobId</c>.</summary>
    [JsonPropertyName("jobId")]
    public string? JobId { get; init; }

    /// <summary>Ashby's <c>expand</c>.</summary>
    [JsonPropertyName("expand")]
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
