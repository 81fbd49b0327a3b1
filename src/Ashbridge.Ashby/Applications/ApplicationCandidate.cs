using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>The candidate summary embedded in an application.</summary>
public sealed partial class ApplicationCandidate
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Ashby's <c>primaryEmailAddress</c>.</summary>
    [JsonPropertyName("primaryEmailAddress")]
    public EmailAddress? PrimaryEmailAddress { get; init; }

    /// <summary>Ashby's <c>primaryPhoneNumber</c>.</summary>
    [JsonPropertyName("primaryPhoneNumber")]
    public PhoneNumber? PrimaryPhoneNumber { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
