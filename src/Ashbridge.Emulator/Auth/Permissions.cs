namespace Ashbridge.Emulator.Auth;

/// <summary>Ashby's module permissions, as endpoint docs name them (<c>candidatesRead</c>) and as <c>apiKey.info</c> spells them (<c>candidates:read</c>).</summary>
internal static class Permissions
{
    public const string CandidatesRead = "candidatesRead";
    public const string CandidatesWrite = "candidatesWrite";
    public const string CandidatesDelete = "candidatesDelete";
    public const string JobsRead = "jobsRead";
    public const string JobsWrite = "jobsWrite";
    public const string InterviewsRead = "interviewsRead";
    public const string InterviewsWrite = "interviewsWrite";
    public const string HiringProcessMetadataRead = "hiringProcessMetadataRead";
    public const string HiringProcessMetadataWrite = "hiringProcessMetadataWrite";
    public const string OrganizationRead = "organizationRead";
    public const string OrganizationWrite = "organizationWrite";
    public const string OffersRead = "offersRead";
    public const string OffersWrite = "offersWrite";
    public const string ApiKeysRead = "apiKeysRead";
    public const string ApiKeysWrite = "apiKeysWrite";
    public const string ApprovalsRead = "approvalsRead";
    public const string ApprovalsWrite = "approvalsWrite";
    public const string ReportsRead = "reportsRead";
    public const string NotetakerRead = "notetakerRead";

    public static readonly string[] All =
    [
        CandidatesRead, CandidatesWrite, CandidatesDelete, JobsRead, JobsWrite, InterviewsRead, InterviewsWrite,
        HiringProcessMetadataRead, HiringProcessMetadataWrite, OrganizationRead, OrganizationWrite, OffersRead, OffersWrite,
        ApiKeysRead, ApiKeysWrite, ApprovalsRead, ApprovalsWrite, ReportsRead, NotetakerRead,
    ];

    /// <summary><c>candidatesRead</c> → <c>candidates:read</c>, the spelling <c>apiKey.info</c> returns.</summary>
    public static string ToScope(string permission)
    {
        foreach (var action in (ReadOnlySpan<string>)["Read", "Write", "Delete"])
        {
            if (permission.EndsWith(action, StringComparison.Ordinal))
            {
                return string.Concat(permission.AsSpan(0, permission.Length - action.Length), ":", action.ToLowerInvariant());
            }
        }

        return permission;
    }
}
