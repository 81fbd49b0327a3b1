namespace Ashbridge.Ashby;

/// <summary>User global roles. Ashby may add values; unknown strings are kept as they are.</summary>
public static class GlobalRole
{
    /// <summary><c>Organization Admin</c>.</summary>
    public const string OrganizationAdmin = "Organization Admin";

    /// <summary><c>Elevated Access</c>.</summary>
    public const string ElevatedAccess = "Elevated Access";

    /// <summary><c>Limited Access</c>.</summary>
    public const string LimitedAccess = "Limited Access";

    /// <summary><c>External Recruiter</c>.</summary>
    public const string ExternalRecruiter = "External Recruiter";
}
