using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A version of an opening.</summary>
public sealed partial class OpeningVersion
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>identifier</c>.</summary>
    [JsonPropertyName("identifier")]
    public string? Identifier { get; init; }

    /// <summary>Ashby's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Ashby's <c>authorId</c>.</summary>
    [JsonPropertyName("authorId")]
    public string? AuthorId { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Ashby's <c>teamId</c>.</summary>
    [JsonPropertyName("teamId")]
    public string? TeamId { get; init; }

    /// <summary>Ashby's <c>jobIds</c>.</summary>
    [JsonPropertyName("jobIds")]
    public IReadOnlyList<string>? JobIds { get; init; }

    /// <summary>Ashby's <c>targetHireDate</c>.</summary>
    [JsonPropertyName("targetHireDate")]
    public string? TargetHireDate { get; init; }

    /// <summary>Ashby's <c>targetStartDate</c>.</summary>
    [JsonPropertyName("targetStartDate")]
    public string? TargetStartDate { get; init; }

    /// <summary>Ashby's <c>isBackfill</c>.</summary>
    [JsonPropertyName("isBackfill")]
    public bool? IsBackfill { get; init; }

    /// <summary>Ashby's <c>employmentType</c>.</summary>
    [JsonPropertyName("employmentType")]
    public string? EmploymentType { get; init; }

    /// <summary>Ashby's <c>locationIds</c>.</summary>
    [JsonPropertyName("locationIds")]
    public IReadOnlyList<string>? LocationIds { get; init; }

    /// <summary>Ashby's <c>hiringTeam</c>.</summary>
    [JsonPropertyName("hiringTeam")]
    public IReadOnlyList<HiringTeamMember>? HiringTeam { get; init; }

    /// <summary>Ashby's <c>customFields</c>.</summary>
    [JsonPropertyName("customFields")]
    public IReadOnlyList<CustomFieldValue>? CustomFields { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
