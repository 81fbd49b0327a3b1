namespace Ashbridge.Core.AshbyUsers;

/// <summary>Ashby's global roles as <c>user.list</c> sends them.</summary>
public static class GlobalRoles
{
    public const string OrganizationAdmin = "Organization Admin";
    public const string ElevatedAccess = "Elevated Access";
    public const string LimitedAccess = "Limited Access";
    public const string ExternalRecruiter = "External Recruiter";
}
