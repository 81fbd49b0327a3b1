using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>offer.list</c>.</summary>
public sealed partial class OfferListRequest : AshbyListRequest
{
    /// <summary>Ashby's <c>createdAfter</c>. Sent as milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("createdAfter")]
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Ashby's <c>offerStatus</c>.</summary>
    [JsonPropertyName("offerStatus")]
    public IReadOnlyList<string>? OfferStatus { get; init; }

    /// <summary>Ashby's <c>acceptanceStatus</c>.</summary>
    [JsonPropertyName("acceptanceStatus")]
    public IReadOnlyList<string>? AcceptanceStatus { get; init; }

    /// <summary>Ashby's <c>applicationId</c>.</summary>
    [JsonPropertyName("applicationId")]
    public string? ApplicationId { get; init; }

    /// <summary>Ashby's <c>approvalStatus</c>.</summary>
    [JsonPropertyName("approvalStatus")]
    public IReadOnlyList<string>? ApprovalStatus { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
