namespace Ashbridge.Emulator.Data;

/// <summary>Interview stage groups, interviews, schedules and events, interviewer pools and settings.</summary>
internal sealed partial class Organization
{
    public List<InterviewStageGroup> StageGroups { get; } = [];
    public List<Interview> Interviews { get; } = [];
    public List<InterviewSchedule> InterviewSchedules { get; } = [];
    public List<InterviewerPool> InterviewerPools { get; } = [];
    public List<InterviewerPause> InterviewerPauses { get; } = [];

    public Dictionary<Guid, Interview> InterviewsById { get; } = [];
    public Dictionary<Guid, InterviewSchedule> InterviewSchedulesById { get; } = [];
    public Dictionary<Guid, InterviewEvent> InterviewEventsById { get; } = [];
    public Dictionary<Guid, InterviewerPool> InterviewerPoolsById { get; } = [];
    public Dictionary<Guid, InterviewerSettings> InterviewerSettingsByUser { get; } = [];
    public Dictionary<Guid, NotetakerTranscript> NotetakerTranscriptsById { get; } = [];

    /// <summary>Schedules by application, for the schedules of one application (most applications have none).</summary>
    public Dictionary<Guid, List<InterviewSchedule>> InterviewSchedulesByApplication { get; } = [];

    /// <summary>The interview used when an event names none (Ashby's "organization's default interview").</summary>
    public Interview? DefaultInterview { get; set; }

    /// <summary>
    /// The stage group of a stage: plans follow the organisation's pipeline, so a stage's position in its plan picks the
    /// group (a stage past the pipeline's end falls back to the first group of its type).
    /// </summary>
    public InterviewStageGroup? StageGroupOf(InterviewStage stage)
    {
        if (StageGroups.Count == 0) return null;
        if (stage.Order < StageGroupByOrder.Length && StageGroupByOrder[stage.Order] is { } g && g.StageType == stage.Type) return g;
        return StageGroups.Find(x => x.StageType == stage.Type);
    }

    /// <summary>The group of each position of the generated pipeline (set by the generator).</summary>
    public InterviewStageGroup[] StageGroupByOrder { get; set; } = [];

    public InterviewStage? FindStage(Guid id) => StagesById.GetValueOrDefault(id);

    public Interview? FindInterview(Guid id) => InterviewsById.GetValueOrDefault(id);

    public InterviewSchedule? FindInterviewSchedule(Guid id) => InterviewSchedulesById.TryGetValue(id, out var s) && !s.Deleted ? s : null;

    public InterviewerPool? FindInterviewerPool(Guid id) => InterviewerPoolsById.GetValueOrDefault(id);

    public InterviewerPause? FindInterviewerPause(Guid id) => InterviewerPauses.Find(p => p.Id == id && !p.Deleted);

    public void AddInterviewSchedule(InterviewSchedule s)
    {
        InterviewSchedules.Add(s);
        InterviewSchedulesById[s.Id] = s;
        if (!InterviewSchedulesByApplication.TryGetValue(s.Application.Id, out var list)) InterviewSchedulesByApplication[s.Application.Id] = list = [];
        list.Add(s);
        foreach (var e in s.Events) InterviewEventsById[e.Id] = e;
    }
}
