using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>job.search</c>: a title, a requisition id, or both.</summary>
public sealed partial class JobSearchRequest
{
    /// <summary>The job title to search for.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The requisition id to search for.</summary>
    [JsonPropertyName("requisitionId")]
    public string? RequisitionId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
