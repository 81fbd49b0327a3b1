using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>location.list</c>. Regions are only returned with <see cref="IncludeLocationHierarchy"/>.</summary>
public sealed partial class LocationListRequest : AshbyListRequest
{
    /// <summary>Ashby's <c>includeArchived</c>.</summary>
    [JsonPropertyName("includeArchived")]
    public bool? IncludeArchived { get; init; }

    /// <summary>Ashby's <c>includeLocationHierarchy</c>.</summary>
    [JsonPropertyName("includeLocationHierarchy")]
    public bool? IncludeLocationHierarchy { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
