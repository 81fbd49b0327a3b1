namespace Ashbridge.Emulator.Data;

/// <summary>An interview plan with its stages in order.</summary>
internal sealed class InterviewPlan : Row
{
    public required string Title;
    public bool IsArchived;
    public List<InterviewStage> Stages = [];

    public InterviewStage FirstOf(StageType type) => Stages.First(s => s.Type == type);
}

/// <summary>A stage of an interview plan.</summary>
internal sealed class InterviewStage
{
    public Guid Id;
    public required string Title;
    public StageType Type;
    public int Order;
    public required InterviewPlan Plan;

    /// <summary>The organisation's stage group this stage belongs to (see <see cref="Organization.StageGroupOf"/>).</summary>
    public InterviewStageGroup? Group;
}

/// <summary>A job (the hiring process for a role).</summary>
internal sealed class Job : Row
{
    public required string Title;
    public bool Confidential;
    public JobStatus Status;
    public byte EmploymentType;
    public required Location Location;
    public required Department Department;
    public required InterviewPlan Plan;
    public CustomFieldValue[] CustomFields = [];
    public List<JobPosting> Postings = [];
    public List<Opening> Openings = [];
    public string? RequisitionId;
    public List<TeamMember> HiringTeam = [];
    public required User Author;
    public long? OpenedMs;
    public long? ClosedMs;
    public Brand? Brand;
    public List<CompensationTier> CompensationTiers = [];
}

/// <summary>A job posting on the external job board.</summary>
internal sealed class JobPosting : Row
{
    public required Job Job;
    public required string Title;
    public bool IsListed;
    public bool IsPublished;
    public byte WorkplaceType;
    public long PublishedMs;
    public string? ApplicationDeadline;

    /// <summary>The description body set through <c>jobPosting.update</c> (HTML); null keeps the generated one.</summary>
    public string? DescriptionBodyHtml;
    public bool SuppressDescriptionOpening;
    public bool SuppressDescriptionClosing;
}

/// <summary>An opening (approved headcount) with its single latest version flattened in.</summary>
internal sealed class Opening : Row
{
    public Guid VersionId;
    public required string Identifier;
    public string? Description;
    public Department? Team;
    public List<Job> Jobs = [];
    public List<Location> Locations = [];
    public byte State;
    public bool IsArchived;
    public long? ArchivedMs;
    public long? OpenedMs;
    public long? ClosedMs;
    public long? TargetHireMs;
    public long? TargetStartMs;
    public bool IsBackfill;
    public byte EmploymentType;
    public User? Author;
    public List<TeamMember> HiringTeam = [];
    public CustomFieldValue[] CustomFields = [];
    public CloseReason? CloseReason;

    /// <summary>When the latest version was made (0 = the opening's creation).</summary>
    public long VersionCreatedMs;

    public bool IsConfidential => Jobs.Exists(j => j.Confidential);
}
