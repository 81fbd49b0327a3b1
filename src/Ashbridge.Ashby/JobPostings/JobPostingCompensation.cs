using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A posting's compensation.</summary>
public sealed partial class JobPostingCompensation
{
    /// <summary>Ashby's <c>compensationTierSummary</c>.</summary>
    [JsonPropertyName("compensationTierSummary")]
    public string? CompensationTierSummary { get; init; }

    /// <summary>Ashby's <c>summaryComponents</c>.</summary>
    [JsonPropertyName("summaryComponents")]
    public IReadOnlyList<JsonElement>? SummaryComponents { get; init; }

    /// <summary>Ashby's <c>compensationTiers</c>.</summary>
    [JsonPropertyName("compensationTiers")]
    public IReadOnlyList<CompensationTier>? CompensationTiers { get; init; }

    /// <summary>Ashby's <c>shouldDisplayCompensationOnJobBoard</c>.</summary>
    [JsonPropertyName("shouldDisplayCompensationOnJobBoard")]
    public bool? ShouldDisplayCompensationOnJobBoard { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
