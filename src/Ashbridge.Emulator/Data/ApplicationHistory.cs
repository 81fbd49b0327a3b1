namespace Ashbridge.Emulator.Data;

/// <summary>
/// An application's stage history. Generated applications derive it from their current stage (the stages before it,
/// in plan order, spread between creation and the last update) so a million applications need not store it.
/// </summary>
internal static class ApplicationHistory
{
    public static IReadOnlyList<HistoryEntry> Of(Application a) => a.History ?? Derive(a);

    /// <summary>Makes the history explicit (before a stage change appends to it).</summary>
    public static List<HistoryEntry> Materialise(Application a) => a.History ??= [.. Derive(a)];

    private static List<HistoryEntry> Derive(Application a)
    {
        var stages = a.Stage.Plan.Stages;
        var path = new List<InterviewStage>();
        var startAt = a.Source?.Type?.Title == "Outbound" || a.Stage.Type == StageType.Lead ? 0 : 1;
        var bytes = a.Id.ToByteArray();
        if (a.Stage.Type == StageType.Archived)
        {
            var reached = Math.Max(startAt, 1 + (bytes[0] % 3));
            for (var i = startAt; i <= reached; i++) path.Add(stages[i]);
        }
        else
        {
            for (var i = startAt; i <= a.Stage.Order && i < stages.Count; i++)
            {
                if (stages[i].Type != StageType.Archived) path.Add(stages[i]);
            }
        }

        path.Add(a.Stage);
        if (path.Count > 1 && path[^2] == a.Stage) path.RemoveAt(path.Count - 1);
        var end = a.ArchivedMs ?? a.UpdatedMs;
        var span = Math.Max(1, end - a.CreatedMs);
        var entries = new List<HistoryEntry>(path.Count);
        for (var i = 0; i < path.Count; i++)
        {
            var entered = a.CreatedMs + (span * i / path.Count);
            long? left = i + 1 < path.Count ? a.CreatedMs + (span * (i + 1) / path.Count) : null;
            bytes[15] = (byte)i;
            entries.Add(new HistoryEntry(new Guid(bytes), path[i], entered, left));
        }

        return entries;
    }
}
