using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>job.list</c>. Draft jobs are excluded unless <c>Draft</c> is in <see cref="Status"/>.</summary>
public sealed partial class JobListRequest : AshbyListRequest
{
    /// <summary>Ashby's <c>createdAfter</c>. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("createdAfter")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Statuses (an array, unlike <c>application.list</c>).</summary>
    [JsonPropertyName("status")]
    public IReadOnlyList<string>? Status { get; init; }

    /// <summary>Ashby's <c>openedAfter</c>. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("openedAfter")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? OpenedAfter { get; init; }

    /// <summary>Ashby's <c>openedBefore</c>. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("openedBefore")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? OpenedBefore { get; init; }

    /// <summary>Ashby's <c>closedAfter</c>. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("closedAfter")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? ClosedAfter { get; init; }

    /// <summary>Ashby's <c>closedBefore</c>. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("closedBefore")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? ClosedBefore { get; init; }

    /// <summary>Ashby's <c>includeUnpublishedJobPostingsIds</c>.</summary>
    [JsonPropertyName("includeUnpublishedJobPostingsIds")]
    public bool? IncludeUnpublishedJobPostingsIds { get; init; }

    /// <summary>Ashby's <c>expand</c>.</summary>
    [JsonPropertyName("expand")]
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
