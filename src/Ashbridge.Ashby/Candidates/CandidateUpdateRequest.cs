using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>candidate.update</c>.</summary>
public sealed partial class CandidateUpdateRequest
{
    /// <summary>Ashby's <c>candidateId</c>.</summary>
    [JsonPropertyName("candidateId")]
    public required string CandidateId { get; init; }

    /// <summary>Ashby's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Ashby's <c>email</c>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Ashby's <c>phoneNumber</c>.</summary>
    [JsonPropertyName("phoneNumber")]
    public string? PhoneNumber { get; init; }

    /// <summary>Ashby's <c>linkedInUrl</c>.</summary>
    [JsonPropertyName("linkedInUrl")]
    public string? LinkedInUrl { get; init; }

    /// <summary>Ashby's <c>githubUrl</c>.</summary>
    [JsonPropertyName("githubUrl")]
    public string? GithubUrl { get; init; }

    /// <summary>The website (update takes <c>websiteUrl</c>; create takes <c>website</c>).</summary>
    [JsonPropertyName("websiteUrl")]
    public string? WebsiteUrl { get; init; }

    /// <summary>Ashby's <c>alternateEmail</c>.</summary>
    [JsonPropertyName("alternateEmail")]
    public string? AlternateEmail { get; init; }

    /// <summary>Replaces all social links; when set, the URL fields are ignored by Ashby.</summary>
    [JsonPropertyName("socialLinks")]
    public IReadOnlyList<SocialLink>? SocialLinks { get; init; }

    /// <summary>Ashby's <c>sourceId</c>.</summary>
    [JsonPropertyName("sourceId")]
    public string? SourceId { get; init; }

    /// <summary>Ashby's <c>creditedToUserId</c>.</summary>
    [JsonPropertyName("creditedToUserId")]
    public string? CreditedToUserId { get; init; }

    /// <summary>Ashby's <c>location</c>.</summary>
    [JsonPropertyName("location")]
    public CandidateLocationInput? Location { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Ashby's <c>sendNotifications</c>.</summary>
    [JsonPropertyName("sendNotifications")]
    public bool? SendNotifications { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
