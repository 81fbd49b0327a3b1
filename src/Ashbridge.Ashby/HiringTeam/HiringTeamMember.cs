using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A hiring team member.</summary>
public sealed partial class HiringTeamMember
{
    /// <summary>Ashby's <c>userId</c>.</summary>
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    /// <summary>Ashby's <c>email</c>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Ashby's <c>firstName</c>.</summary>
    [JsonPropertyName("firstName")]
    public string? FirstName { get; init; }

    /// <summary>Ashby's <c>lastName</c>.</summary>
    [JsonPropertyName("lastName")]
    public string? LastName { get; init; }

    /// <summary>Ashby's <c>role</c>.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
