namespace Ashbridge.Core.AshbyUsers;

/// <summary>Why a hiring team change was not made. Every kind but <see cref="AshbyRefused"/> is decided before anything is sent to Ashby.</summary>
public enum HiringTeamRefusalKind
{
    /// <summary>The request is incomplete: no or both targets, no email, no role.</summary>
    Invalid,

    /// <summary>The connection's key lacks the write permission (Organization write for jobs, Candidates write for applications).</summary>
    MissingPermission,

    /// <summary>No Ashby user has this email.</summary>
    UserNotFound,

    /// <summary>The user is deactivated in Ashby.</summary>
    UserDeactivated,

    /// <summary>The mirror has no such job.</summary>
    JobNotFound,

    /// <summary>The job is closed or archived.</summary>
    JobClosed,

    /// <summary>The job is confidential.</summary>
    JobConfidential,

    /// <summary>The mirror has no such application.</summary>
    ApplicationNotFound,

    /// <summary>The role is not (or no longer) one of the organisation's hiring team roles.</summary>
    RoleNotFound,

    /// <summary>Ashby answered the write with an error.</summary>
    AshbyRefused,
}
