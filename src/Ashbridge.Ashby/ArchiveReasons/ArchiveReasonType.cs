namespace Ashbridge.Ashby;

/// <summary>Archive reason types. Ashby may add values; unknown strings are kept as they are.</summary>
public static class ArchiveReasonType
{
    /// <summary><c>RejectedByCandidate</c>.</summary>
    public const string RejectedByCandidate = "RejectedByCandidate";

    /// <summary><c>RejectedByOrg</c>.</summary>
    public const string RejectedByOrg = "RejectedByOrg";

    /// <summary><c>Other</c>.</summary>
    public const string Other = "Other";
}
