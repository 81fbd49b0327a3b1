namespace Ashbridge.Ashby;

/// <summary>Interview stage types. Ashby may add values; unknown strings are kept as they are.</summary>
public static class InterviewStageType
{
    /// <summary><c>Lead</c>.</summary>
    public const string Lead = "Lead";

    /// <summary><c>PreInterviewScreen</c>.</summary>
    public const string PreInterviewScreen = "PreInterviewScreen";

    /// <summary><c>Active</c>.</summary>
    public const string Active = "Active";

    /// <summary><c>Offer</c>.</summary>
    public const string Offer = "Offer";

    /// <summary><c>Hired</c>.</summary>
    public const string Hired = "Hired";

    /// <summary><c>Archived</c>.</summary>
    public const string Archived = "Archived";
}
