using System.Diagnostics.CodeAnalysis;

namespace Ashbridge.Core.AshbyUsers;

/// <summary>What a hiring team change did.</summary>
/// <param name="User">The user added or removed.</param>
/// <param name="Role">The role's title.</param>
/// <param name="MirrorRefreshed">Whether the job's or application's stream was re-read at once (false when a pass was running: the webhook or the next pass brings it).</param>
public sealed record HiringTeamOutcome(HiringTeamRefusal? Refusal, DirectoryUser? User = null, string? Role = null, bool MirrorRefreshed = false)
{
    /// <summary>Whether Ashby made the change.</summary>
    [MemberNotNullWhen(true, nameof(User), nameof(Role))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;
}
