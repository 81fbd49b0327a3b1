using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>job.info</c>.</summary>
public sealed partial class JobInfoRequest
{
    /// <summary>The job id (the parameter is <c>id</c>).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

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
