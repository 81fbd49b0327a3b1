using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A job's compensation.</summary>
public sealed partial class JobCompensation
{
    /// <summary>Ashby's <c>compensationTiers</c>.</summary>
    [JsonPropertyName("compensationTiers")]
    public IReadOnlyList<CompensationTier>? CompensationTiers { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
