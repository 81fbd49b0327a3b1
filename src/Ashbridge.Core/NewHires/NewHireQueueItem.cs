namespace Ashbridge.Core.NewHires;

/// <summary>One row of the queue: the hire and what to look at before adding it.</summary>
/// <param name="Duplicates">Who the hire may be the same person as ("member Ann Lee", "pending hire Ann Lee"), when flagged.</param>
public sealed record NewHireQueueItem(NewHire NewHire, IReadOnlyList<NewHireWarning> Flags, IReadOnlyList<string> Duplicates);
