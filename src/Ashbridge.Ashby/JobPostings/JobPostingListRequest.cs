using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>jobPosting.list</c> (not paginated). Unlisted postings are included unless <see cref="ListedOnly"/>.</summary>
public sealed partial class JobPostingListRequest
{
    /// <summary>A location name (case-sensitive).</summary>
    [JsonPropertyName("location")]
    public string? Location { get; init; }

    /// <summary>A department name (case-sensitive).</summary>
    [JsonPropertyName("department")]
    public string? Department { get; init; }

    /// <summary>Ashby's <c>listedOnly</c>.</summary>
    [JsonPropertyName("listedOnly")]
    public bool? ListedOnly { get; init; }

    /// <summary>Ashby's <c>jobBoardId</c>.</summary>
    [JsonPropertyName("jobBoardId")]
    public string? JobBoardId { get; init; }

    /// <summary>Ashby's <c>includeUnpublishedJobPostings</c>.</summary>
    [JsonPropertyName("includeUnpublishedJobPostings")]
    public bool? IncludeUnpublishedJobPostings { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
