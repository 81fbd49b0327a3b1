using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>user.list</c>. Deactivated users are omitted unless <see cref="IncludeDeactivated"/>.</summary>
public sealed partial class UserListRequest : AshbyListRequest
{
    /// <summary>Ashby's <c>includeDeactivated</c>.</summary>
    [JsonPropertyName("includeDeactivated")]
    public bool? IncludeDeactivated { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
