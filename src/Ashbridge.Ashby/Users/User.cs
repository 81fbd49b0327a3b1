using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>An Ashby user.</summary>
public sealed partial class User
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>firstName</c>.</summary>
    [JsonPropertyName("firstName")]
    public required string FirstName { get; init; }

    /// <summary>Ashby's <c>lastName</c>.</summary>
    [JsonPropertyName("lastName")]
    public required string LastName { get; init; }

    /// <summary>Ashby's <c>email</c>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>See <see cref="GlobalRole"/>.</summary>
    [JsonPropertyName("globalRole")]
    public required string GlobalRole { get; init; }

    /// <summary>Ashby's <c>isEnabled</c>.</summary>
    [JsonPropertyName("isEnabled")]
    public required bool IsEnabled { get; init; }

    /// <summary>Ashby's <c>updatedAt</c>.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Ashby's <c>managerId</c>.</summary>
    [JsonPropertyName("managerId")]
    public string? ManagerId { get; init; }

    /// <summary>Ashby's <c>customFields</c>.</summary>
    [JsonPropertyName("customFields")]
    public IReadOnlyList<CustomFieldValue>? CustomFields { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
