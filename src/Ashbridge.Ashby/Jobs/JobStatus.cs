namespace Ashbridge.Ashby;

/// <summary>Job statuses. Ashby may add values; unknown strings are kept as they are.</summary>
public static class JobStatus
{
    /// <summary><c>Draft</c>.</summary>
    public const string Draft = "Draft";

    /// <summary><c>Open</c>.</summary>
    public const string Open = "Open";

    /// <summary><c>Closed</c>.</summary>
    public const string Closed = "Closed";

    /// <summary><c>Archived</c>.</summary>
    public const string Archived = "Archived";
}
