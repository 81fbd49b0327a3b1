using Ashbridge.Core.Dedupe.Batches;

namespace Ashbridge.Server.Pages.Dedupe.Batches;

/// <summary>How the batch pages show states, plans and outcomes: a word and a badge colour.</summary>
public static class BatchDisplay
{
    public static string StateBadge(string state) => state switch
    {
        DedupeBatchState.Finished => "ok",
        DedupeBatchState.Stopped => "bad",
        DedupeBatchState.Planned => "info",
        _ => "warn",
    };

    public static string ActionBadge(string action) => action switch
    {
        BatchAction.Create => "ok",
        BatchAction.Merge => "info",
        BatchAction.Person => "warn",
        BatchAction.Invalid => "bad",
        _ => "",
    };

    public static string ActionWord(string action) => action == BatchAction.Person ? "needs a person" : action;

    public static string OutcomeBadge(string? outcome) => outcome switch
    {
        BatchOutcome.Created or BatchOutcome.Merged => "ok",
        BatchOutcome.Failed or BatchOutcome.Invalid => "bad",
        BatchOutcome.Held => "warn",
        _ => "info",
    };
}
