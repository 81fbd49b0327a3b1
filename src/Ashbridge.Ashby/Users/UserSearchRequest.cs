using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>user.search</c>.</summary>
public sealed partial class UserSearchRequest
{
    /// <summary>Ashby's <c>email</c>.</summary>
    [JsonPropertyName("email")]
    public required string Email { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
