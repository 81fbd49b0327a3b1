namespace Ashbridge.Ashby;

/// <summary>Objects custom fields attach to. Ashby may add values; unknown strings are kept as they are.</summary>
public static class CustomFieldObjectType
{
    /// <summary><c>Application</c>.</summary>
    public const string Application = "Application";

    /// <summary><c>Candidate</c>.</summary>
    public const string Candidate = "Candidate";

    /// <summary><c>Employee</c>.</summary>
    public const string Employee = "Employee";

    /// <summary><c>Job</c>.</summary>
    public const string Job = "Job";

    /// <summary><c>Offer</c>.</summary>
    public const string Offer = "Offer";

    /// <summary><c>Opening</c>.</summary>
    public const string Opening = "Opening";

    /// <summary><c>Talent_Project</c>.</summary>
    public const string TalentProject = "Talent_Project";
}
