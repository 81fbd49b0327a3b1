using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>hiringTeam.removeMember</c>: exactly one of application, job or opening.</summary>
public sealed partial class HiringTeamRemoveMemberRequest
{
    /// <summary>The application whose hiring team loses the member.</summary>
    [JsonPropertyName("applicationId")]
    public string? ApplicationId { get; init; }

    /// <summary>The job whose hiring team loses the member.</summary>
    [JsonPropertyName("jobId")]
    public string? JobId { get; init; }

    /// <summary>The opening whose hiring team loses the member.</summary>
    [JsonPropertyName("openingId")]
    public string? OpeningId { get; init; }

    /// <summary>The user id.</summary>
    [JsonPropertyName("teamMemberId")]
    public required string TeamMemberId { get; init; }

    /// <summary>The role to unassign, from <c>hiringTeamRole.list</c>.</summary>
    [JsonPropertyName("roleId")]
    public required string RoleId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
