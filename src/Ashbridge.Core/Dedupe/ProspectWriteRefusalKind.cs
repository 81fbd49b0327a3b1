namespace Ashbridge.Core.Dedupe;

/// <summary>Why a merge or an upload wrote nothing; hosts map it to a status (server) or an exit code (CLI).</summary>
public enum ProspectWriteRefusalKind
{
    /// <summary>The prospect or a value given is not usable (no name, malformed email, …); nothing was asked of Ashby.</summary>
    Invalid,

    /// <summary>The connection does not exist (or the caller cannot see it).</summary>
    ConnectionNotFound,

    /// <summary>The candidate to merge into is not in Ashby any more (checked live, not in the mirror).</summary>
    CandidateNotFound,

    /// <summary>An upload whose email Ashby already has (checked live): <see cref="ProspectWriteRefusal.CandidateId"/> names that candidate.</summary>
    AlreadyInAshby,

    /// <summary>The job does not exist, is not open, or is confidential and the connection's policy does not offer confidential jobs.</summary>
    JobNotOffered,

    /// <summary>The key lacks a permission the write needs (said before anything is sent).</summary>
    PermissionMissing,

    /// <summary>Ashby gave no answer (refused, unresolvable, dropped or too slow).</summary>
    AshbyUnreachable,

    /// <summary>Ashby answered with a failure.</summary>
    AshbyFailed,
}
