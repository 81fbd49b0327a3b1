namespace Ashbridge.Ashby;

/// <summary>Application statuses. Ashby may add values; unknown strings are kept as they are.</summary>
public static class ApplicationStatus
{
    /// <summary><c>Hired</c>.</summary>
    public const string Hired = "Hired";

    /// <summary><c>Archived</c>.</summary>
    public const string Archived = "Archived";

    /// <summary><c>Active</c>.</summary>
    public const string Active = "Active";

    /// <summary><c>Lead</c>.</summary>
    public const string Lead = "Lead";
}
