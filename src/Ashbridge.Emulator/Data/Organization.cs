namespace Ashbridge.Emulator.Data;

/// <summary>
/// The whole emulated organisation, in memory. Lists keep creation order (the stable order lists are served in);
/// dictionaries find rows by id. Readers take <see cref="Gate"/> for reading, writers for writing.
/// </summary>
internal sealed partial class Organization
{
    public ReaderWriterLockSlim Gate { get; } = new(LockRecursionPolicy.NoRecursion);

    public required int Seed { get; init; }

    /// <summary>The fixed instant generated data is dated against (never the clock, so output is reproducible).</summary>
    public required long BaseMs { get; init; }

    public List<Department> Departments { get; } = [];
    public List<Location> Locations { get; } = [];
    public List<User> Users { get; } = [];
    public List<HiringTeamRole> HiringTeamRoles { get; } = [];
    public List<SourceType> SourceTypes { get; } = [];
    public List<Source> Sources { get; } = [];
    public List<ArchiveReason> ArchiveReasons { get; } = [];
    public List<Tag> Tags { get; } = [];
    public List<CustomFieldDefinition> CustomFields { get; } = [];
    public List<InterviewPlan> InterviewPlans { get; } = [];
    public List<Job> Jobs { get; } = [];
    public List<JobPosting> JobPostings { get; } = [];
    public List<Opening> Openings { get; } = [];
    public List<Candidate> Candidates { get; } = [];
    public List<Application> Applications { get; } = [];
    public List<Offer> Offers { get; } = [];

    public Dictionary<Guid, Candidate> CandidatesById { get; } = [];
    public Dictionary<Guid, Application> ApplicationsById { get; } = [];
    public Dictionary<Guid, Offer> OffersById { get; } = [];
    public Dictionary<Guid, Job> JobsById { get; } = [];
    public Dictionary<Guid, JobPosting> JobPostingsById { get; } = [];
    public Dictionary<Guid, Opening> OpeningsById { get; } = [];
    public Dictionary<Guid, User> UsersById { get; } = [];
    public Dictionary<Guid, InterviewStage> StagesById { get; } = [];

    /// <summary>The organisation's change sequence: bumped by every write; sync tokens remember it.</summary>
    public long Seq { get; private set; }

    /// <summary>Bumped by the control API's "expire every token now"; tokens and cursors of an older epoch are expired.</summary>
    public int TokenEpoch { get; set; }

    private DeterministicRandom? _ids;

    /// <summary>A new id for an object created after generation (seeded too, so replaying the same writes gives the same ids).</summary>
    public Guid NewId() => (_ids ??= new DeterministicRandom(Seed ^ 0x5EED_1D5)).NextGuid();

    /// <summary>Marks a row changed now: it gets a new sequence number (so incremental syncs return it) and updatedAt.</summary>
    public void Touch(Row row, long nowMs)
    {
        row.Seq = ++Seq;
        row.UpdatedMs = Math.Max(nowMs, row.UpdatedMs);
    }

    public Department? FindDepartment(Guid id) => Departments.Find(d => d.Id == id);

    public Location? FindLocation(Guid id) => Locations.Find(l => l.Id == id);

    public Source? FindSource(Guid id) => Sources.Find(s => s.Id == id);

    public ArchiveReason? FindArchiveReason(Guid id) => ArchiveReasons.Find(r => r.Id == id);

    public HiringTeamRole? FindRole(Guid id) => HiringTeamRoles.Find(r => r.Id == id);

    public Tag? FindTag(Guid id) => Tags.Find(t => t.Id == id);

    public InterviewPlan? FindPlan(Guid id) => InterviewPlans.Find(p => p.Id == id);

    public CustomFieldDefinition? FindCustomField(Guid id) => CustomFields.Find(f => f.Id == id);

    public Candidate? FindCandidate(Guid id) => CandidatesById.TryGetValue(id, out var c) && !c.Deleted ? c : null;

    public Application? FindApplication(Guid id) => ApplicationsById.TryGetValue(id, out var a) && !a.Deleted ? a : null;

    public Job? FindJob(Guid id) => JobsById.TryGetValue(id, out var j) && !j.Deleted ? j : null;

    public JobPosting? FindPosting(Guid id) => JobPostingsById.TryGetValue(id, out var p) && !p.Deleted ? p : null;

    public Opening? FindOpening(Guid id) => OpeningsById.TryGetValue(id, out var o) && !o.Deleted ? o : null;

    public Offer? FindOffer(Guid id) => OffersById.TryGetValue(id, out var o) && !o.Deleted ? o : null;

    public User? FindUser(Guid id) => UsersById.TryGetValue(id, out var u) ? u : null;
}
