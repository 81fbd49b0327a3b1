namespace Ashbridge.Ashby;

/// <summary>Opening states. Ashby may add values; unknown strings are kept as they are.</summary>
public static class OpeningState
{
    /// <summary><c>Approved</c>.</summary>
    public const string Approved = "Approved";

    /// <summary><c>Closed</c>.</summary>
    public const string Closed = "Closed";

    /// <summary><c>Draft</c>.</summary>
    public const string Draft = "Draft";

    /// <summary><c>Filled</c>.</summary>
    public const string Filled = "Filled";

    /// <summary><c>Open</c>.</summary>
    public const string Open = "Open";
}
