using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>application.changeSource</c>.</summary>
public sealed partial class ApplicationChangeSourceRequest
{
    /// <summary>Ashby's <c>applicationId</c>.</summary>
    [JsonPropertyName("applicationId")]
    public required string ApplicationId { get; init; }

    /// <summary>The source to set, from <c>source.list</c>; <see langword="null"/> unsets it (sent as JSON <c>null</c>, which Ashby requires).</summary>
    [JsonPropertyName("sourceId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? SourceId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
