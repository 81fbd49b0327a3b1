using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>hiringTeamRole.list</c> (the client always asks for full roles).</summary>
public sealed partial class HiringTeamRoleListRequest
{
    /// <summary>Always sent as <c>false</c>: Ashby's default (<c>true</c>) answers role titles only, without their ids.</summary>
    [JsonInclude]
    [JsonPropertyName("namesOnly")]
    internal bool NamesOnly { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
