namespace Ashbridge.Core.Notices;

/// <summary>How serious a notice is (the <c>notices.severity</c> column).</summary>
public static class NoticeSeverity
{
    public const string Info = "info";

    public const string Warning = "warning";

    public const string Error = "error";
}
