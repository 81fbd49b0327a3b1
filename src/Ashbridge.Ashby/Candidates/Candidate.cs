using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A candidate (<c>candidate.list</c>, <c>candidate.info</c>, <c>candidate.search</c>, create, update).</summary>
public sealed partial class Candidate
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Ashby's <c>updatedAt</c>.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Ashby's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Ashby's <c>primaryEmailAddress</c>.</summary>
    [JsonPropertyName("primaryEmailAddress")]
    public EmailAddress? PrimaryEmailAddress { get; init; }

    /// <summary>Ashby's <c>emailAddresses</c>.</summary>
    [JsonPropertyName("emailAddresses")]
    public required IReadOnlyList<EmailAddress> EmailAddresses { get; init; }

    /// <summary>Ashby's <c>primaryPhoneNumber</c>.</summary>
    [JsonPropertyName("primaryPhoneNumber")]
    public PhoneNumber? PrimaryPhoneNumber { get; init; }

    /// <summary>Ashby's <c>phoneNumbers</c>.</summary>
    [JsonPropertyName("phoneNumbers")]
    public required IReadOnlyList<PhoneNumber> PhoneNumbers { get; init; }

    /// <summary>Ashby's <c>socialLinks</c>.</summary>
    [JsonPropertyName("socialLinks")]
    public required IReadOnlyList<SocialLink> SocialLinks { get; init; }

    /// <summary>Ashby's <c>tags</c>.</summary>
    [JsonPropertyName("tags")]
    public required IReadOnlyList<CandidateTag> Tags { get; init; }

    /// <summary>Ashby's <c>position</c>.</summary>
    [JsonPropertyName("position")]
    public string? Position { get; init; }

    /// <summary>Ashby's <c>company</c>.</summary>
    [JsonPropertyName("company")]
    public string? Company { get; init; }

    /// <summary>Ashby's <c>school</c>.</summary>
    [JsonPropertyName("school")]
    public string? School { get; init; }

    /// <summary>Ashby's <c>applicationIds</c>.</summary>
    [JsonPropertyName("applicationIds")]
    public required IReadOnlyList<string> ApplicationIds { get; init; }

    /// <summary>Ashby's <c>resumeFileHandle</c>.</summary>
    [JsonPropertyName("resumeFileHandle")]
    public FileHandle? ResumeFileHandle { get; init; }

    /// <summary>Ashby's <c>fileHandles</c>.</summary>
    [JsonPropertyName("fileHandles")]
    public required IReadOnlyList<FileHandle> FileHandles { get; init; }

    /// <summary>Ashby's <c>customFields</c>.</summary>
    [JsonPropertyName("customFields")]
    public IReadOnlyList<CustomFieldValue>? CustomFields { get; init; }

    /// <summary>The link to the candidate in Ashby's UI.</summary>
    [JsonPropertyName("profileUrl")]
    public required string ProfileUrl { get; init; }

    /// <summary>Ashby's <c>source</c>.</summary>
    [JsonPropertyName("source")]
    public Source? Source { get; init; }

    /// <summary>Ashby's <c>creditedToUser</c>.</summary>
    [JsonPropertyName("creditedToUser")]
    public User? CreditedToUser { get; init; }

    /// <summary>Ashby's <c>timezone</c>.</summary>
    [JsonPropertyName("timezone")]
    public string? Timezone { get; init; }

    /// <summary>Ashby's <c>location</c>.</summary>
    [JsonPropertyName("location")]
    public CandidateLocation? Location { get; init; }

    /// <summary>The fraud status (see <see cref="FraudStatus"/>).</summary>
    [JsonPropertyName("fraudStatus")]
    public string? FraudStatus { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
