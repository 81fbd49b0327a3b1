using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;

namespace Ashbridge.Server.Pages;

/// <summary>How a pass's outcome (and a missing permission) reads on a page: a word and a colour.</summary>
public static class OutcomeDisplay
{
    public static string Text(SyncOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static string Css(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.Succeeded => "ok",
        SyncOutcome.Running => "warn",
        _ => "bad",
    };

    public static string Css(StreamOutcome outcome) => outcome switch
    {
        StreamOutcome.Succeeded => "ok",
        StreamOutcome.Skipped or StreamOutcome.NotRun => "warn",
        _ => "bad",
    };

    /// <summary>A missing permission in words: its module, read or write, and Ashby's name for it.</summary>
    public static string Describe(PermissionStatus permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return $"{permission.Module} {(permission.IsWrite ? "write" : "read")} ({permission.Permission})";
    }
}
