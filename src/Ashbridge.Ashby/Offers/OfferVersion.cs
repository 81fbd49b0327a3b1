using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A version of an offer.</summary>
public sealed partial class OfferVersion
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The start date; a calendar date sent as a date-time, see <see cref="GetStartDate"/>.</summary>
    [JsonPropertyName("startDate")]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Ashby's <c>salary</c>.</summary>
    [JsonPropertyName("salary")]
    public CurrencyAmount? Salary { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Ashby's <c>openingId</c>.</summary>
    [JsonPropertyName("openingId")]
    public string? OpeningId { get; init; }

    /// <summary>Ashby's <c>customFields</c>.</summary>
    [JsonPropertyName("customFields")]
    public IReadOnlyList<CustomFieldValue>? CustomFields { get; init; }

    /// <summary>Ashby's <c>fileHandles</c>.</summary>
    [JsonPropertyName("fileHandles")]
    public IReadOnlyList<FileHandle>? FileHandles { get; init; }

    /// <summary>Ashby's <c>author</c>.</summary>
    [JsonPropertyName("author")]
    public User? Author { get; init; }

    /// <summary>See <see cref="OfferApprovalStatus"/>.</summary>
    [JsonPropertyName("approvalStatus")]
    public string? ApprovalStatus { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
