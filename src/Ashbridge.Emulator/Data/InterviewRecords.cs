namespace Ashbridge.Emulator.Data;

/// <summary>
/// A stage group of the organisation's pipeline (Ashby's "Application Review", "Interviews"…): every interview stage
/// belongs to one, and groups are shared by every plan.
/// </summary>
internal sealed class InterviewStageGroup
{
    public Guid Id;
    public required string Title;
    public int Order;
    public StageType StageType;
}

/// <summary>An interview definition (what is scheduled on an event), shared by every job or local to one job.</summary>
internal sealed class Interview : Row
{
    public required string Title;
    public string? ExternalTitle;
    public bool IsArchived;
    public bool IsDebrief;
    public bool IsFeedbackRequired;
    public bool IsFeedbackRequested;
    public string? InstructionsPlain;
    public Job? Job;
    public Guid FeedbackFormDefinitionId;
    public int DurationMinutes;
}

/// <summary>Interviewer training roles, in the spelling interviewerPool answers use (events spell the second <c>Reverse-Shadow</c>).</summary>
internal enum TrainingRole : byte { Shadow, ReverseShadow }

/// <summary>One stage of a pool's training path.</summary>
internal sealed class TrainingStage
{
    public Guid Id;
    public TrainingRole Role;
    public int InterviewsRequired;
    public bool IsArchived;
    public bool ApprovalRequired;
    public List<User> Approvers = [];
}

/// <summary>A user training in a pool, and the training stage they are at.</summary>
internal sealed record Trainee(User User, TrainingStage Stage, int InterviewsCompleted = 0);

/// <summary>An interviewer pool: qualified members, trainees and an optional training path.</summary>
internal sealed class InterviewerPool : Row
{
    public required string Title;
    public bool IsArchived;
    public Guid TrainingPathId;
    public bool TrainingEnabled;
    public List<TrainingStage> TrainingStages = [];
    public List<User> Qualified = [];
    public List<Trainee> Trainees = [];
}

/// <summary>An interviewer on an event.</summary>
internal sealed record EventInterviewer(User User, bool FeedbackRequired, TrainingRole? TrainingRole = null, InterviewerPool? Pool = null);

/// <summary>One interview on a schedule: when, with whom, what.</summary>
internal sealed class InterviewEvent : Row
{
    public required InterviewSchedule Schedule;
    public required Interview Interview;
    public long StartMs;
    public long EndMs;
    public List<EventInterviewer> Interviewers = [];
    public string? Location;
    public string? MeetingLink;
    public bool HasSubmittedFeedback;
    public Dictionary<string, string>? ExtraData;
    public Guid? NotetakerTranscriptId;
}

/// <summary>An application's interview schedule at one stage; its events are the interviews.</summary>
internal sealed class InterviewSchedule : Row
{
    public required Application Application;
    public required InterviewStage Stage;
    public string Status = "Scheduled";
    public User? ScheduledBy;
    public List<InterviewEvent> Events = [];

    /// <summary>The API key that created it through <c>interviewSchedule.create</c> (only that key may update it), or null when generated.</summary>
    public string? CreatedByKey;
}

/// <summary>A user's interview load limits (null: no limit).</summary>
internal sealed class InterviewerSettings
{
    public int? DailyLimit;
    public int? WeeklyLimit;
}

/// <summary>A period while a user is not scheduled for interviews.</summary>
internal sealed class InterviewerPause : Row
{
    public required User User;
    public long StartsMs;
    public long? EndsMs;
    public string? Comment;
}

/// <summary>An AI Notetaker transcript of an interview event.</summary>
internal sealed class NotetakerTranscript
{
    public Guid Id;
    public required InterviewEvent Event;
    public long CreatedMs;
}
