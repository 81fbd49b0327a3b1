namespace Ashbridge.Ashby;

/// <summary>The lifecycle statuses of an Ashby API version.</summary>
public static class AshbyVersionStatus
{
    /// <summary><c>pre-release</c>.</summary>
    public const string PreRelease = "pre-release";
    /// <summary><c>active</c>.</summary>
    public const string Active = "active";
    /// <summary><c>deprecated</c>: still served, plan the move.</summary>
    public const string Deprecated = "deprecated";
    /// <summary><c>unsupported</c>: served for now, no longer supported.</summary>
    public const string Unsupported = "unsupported";
    /// <summary><c>removed</c>: requests selecting it are rejected.</summary>
    public const string Removed = "removed";
}
