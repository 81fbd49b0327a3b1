namespace Ashbridge.Ashby;

/// <summary>Email and phone entry types. Ashby may add values; unknown strings are kept as they are.</summary>
public static class ContactType
{
    /// <summary><c>Personal</c>.</summary>
    public const string Personal = "Personal";

    /// <summary><c>Work</c>.</summary>
    public const string Work = "Work";

    /// <summary><c>Other</c>.</summary>
    public const string Other = "Other";
}
