namespace Ashbridge.Ashby;

/// <summary>Employment types of jobs, postings and openings. Ashby may add values; unknown strings are kept as they are.</summary>
public static class EmploymentType
{
    /// <summary><c>FullTime</c>.</summary>
    public const string FullTime = "FullTime";

    /// <summary><c>PartTime</c>.</summary>
    public const string PartTime = "PartTime";

    /// <summary><c>Intern</c>.</summary>
    public const string Intern = "Intern";

    /// <summary><c>Contract</c>.</summary>
    public const string Contract = "Contract";

    /// <summary><c>Temporary</c>.</summary>
    public const string Temporary = "Temporary";
}
