using Ashbridge.Core.Sync;

namespace Ashbridge.Server.Pages;

/// <summary>How a pass's outcome reads on a page: a word and a colour.</summary>
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
}
