namespace Ashbridge.Ashby;

/// <summary>Social link types. Ashby may add values; unknown strings are kept as they are.</summary>
public static class SocialLinkType
{
    /// <summary><c>LinkedIn</c>.</summary>
    public const string LinkedIn = "LinkedIn";

    /// <summary><c>GitHub</c>.</summary>
    public const string GitHub = "GitHub";

    /// <summary><c>Twitter</c>.</summary>
    public const string Twitter = "Twitter";

    /// <summary><c>Medium</c>.</summary>
    public const string Medium = "Medium";

    /// <summary><c>StackOverflow</c>.</summary>
    public const string StackOverflow = "StackOverflow";

    /// <summary><c>YouTube</c>.</summary>
    public const string YouTube = "YouTube";

    /// <summary><c>CodePen</c>.</summary>
    public const string CodePen = "CodePen";

    /// <summary><c>Website</c>.</summary>
    public const string Website = "Website";
}
