namespace Ashbridge.Core.AshbyUsers;

/// <summary>One Ashby user as the mirror holds them, deactivated ones included, with the hiring teams they sit on.</summary>
/// <param name="Id">Ashby's user id (the <c>teamMemberId</c> of hiring team calls).</param>
/// <param name="GlobalRole">Ashby's global role: Organization Admin, Elevated Access, Limited Access or External Recruiter.</param>
/// <param name="UpdatedAt">Ashby's last update of the user record; Ashby tells nothing of sign-ins.</param>
/// <param name="HiringTeams">Job level first, then application level (only where the application's team differs from its job's).</param>
public sealed record DirectoryUser(
    string Id,
    string? Email,
    string FirstName,
    string LastName,
    string? GlobalRole,
    bool IsEnabled,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<HiringTeamSeat> HiringTeams)
{
    /// <summary>First and last name.</summary>
    public string Name => $"{FirstName} {LastName}".Trim();

    /// <summary>Whether the role is one of the two that see beyond their own hiring teams.</summary>
    public bool IsPrivileged => GlobalRole is GlobalRoles.OrganizationAdmin or GlobalRoles.ElevatedAccess;
}
