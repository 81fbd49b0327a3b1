using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>application.removeHiringTeamMember</c>.</summary>
public sealed partial class ApplicationRemoveHiringTeamMemberRequest
{
    /// <summary>Ashby's <c>applicationId</c>.</summary>
    [JsonPropertyName("applicationId")]
    public required string ApplicationId { get; init; }

    /// <summary>The user id.</summary>
    [JsonPropertyName("teamMemberId")]
    public required string TeamMemberId { get; init; }

    /// <summary>The role to unassign, from <c>applicationHiringTeamRole.list</c>.</summary>
    [JsonPropertyName("roleId")]
    public required string RoleId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
