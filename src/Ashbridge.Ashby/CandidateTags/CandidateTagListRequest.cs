using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>candidateTag.list</c>. Archived tags are omitted unless <see cref="IncludeArchived"/>.</summary>
public sealed partial class CandidateTagListRequest : AshbyListRequest
{
    /// <summary>Ashby's <c>includeArchived</c>.</summary>
    [JsonPropertyName("includeArchived")]
    public bool? IncludeArchived { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
