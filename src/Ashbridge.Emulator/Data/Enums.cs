namespace Ashbridge.Emulator.Data;

/// <summary>Ashby's wire spellings of the enumerations the emulator stores as small numbers.</summary>
internal static class Enums
{
    public static readonly string[] ContactTypes = ["Personal", "Work", "Other"];
    public static readonly string[] SocialTypes = ["LinkedIn", "GitHub", "Twitter", "Medium", "StackOverflow", "YouTube", "CodePen", "Website"];
    public static readonly string[] EmploymentTypes = ["FullTime", "PartTime", "Intern", "Contract", "Temporary"];
    public static readonly string[] WorkplaceTypes = ["OnSite", "Hybrid", "Remote"];
    public static readonly string[] GlobalRoles = ["Organization Admin", "Elevated Access", "Limited Access", "External Recruiter"];
    public static readonly string[] JobStatuses = ["Draft", "Open", "Closed", "Archived"];
    public static readonly string[] ApplicationStatuses = ["Lead", "Active", "Archived", "Hired"];
    public static readonly string[] StageTypes = ["Lead", "PreInterviewScreen", "Active", "Offer", "Hired", "Archived"];
    public static readonly string[] OpeningStates = ["Approved", "Closed", "Draft", "Filled", "Open"];
    public static readonly string[] ReasonTypes = ["RejectedByCandidate", "RejectedByOrg", "Other"];

    public static int IndexOf(string[] values, string value) => Array.IndexOf(values, value);
}

internal enum StageType : byte { Lead, PreInterviewScreen, Active, Offer, Hired, Archived }

internal enum JobStatus : byte { Draft, Open, Closed, Archived }

internal enum ApplicationStatus : byte { Lead, Active, Archived, Hired }

internal enum ContactType : byte { Personal, Work, Other }
