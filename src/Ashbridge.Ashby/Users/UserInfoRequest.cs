using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>user.info</c>.</summary>
public sealed partial class UserInfoRequest
{
    /// <summary>Ashby's <c>userId</c>.</summary>
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
