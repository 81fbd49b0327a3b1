using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>jobPosting.info</c>.</summary>
public sealed partial class JobPostingInfoRequest
{
    /// <summary>Ashby's <c>jobPostingId</c>.</summary>
    [JsonPropertyName("jobPostingId")]
    public required string JobPostingId { get; init; }

    /// <summary>Ashby's <c>jobBoardId</c>.</summary>
    [JsonPropertyName("jobBoardId")]
    public string? JobBoardId { get; init; }

    /// <summary>Ashby's <c>expand</c>.</summary>
    [JsonPropertyName("expand")]
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Ashby's <c>includeUnpublishedJobPostings</c>.</summary>
    [JsonPropertyName("includeUnpublishedJobPostings")]
    public bool? IncludeUnpublishedJobPostings { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
