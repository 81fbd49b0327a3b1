namespace Ashbridge.Emulator.Data;

/// <summary>Candidate-side objects beyond the core organisation: files, projects and the referral form.</summary>
internal sealed partial class Organization
{
    /// <summary>The prefix of a generated resume's handle; the rest is the candidate id (no storage for 70% of candidates).</summary>
    public const string ResumeHandlePrefix = "resume-";

    public List<Project> Projects { get; } = [];

    public Dictionary<Guid, Project> ProjectsById { get; } = [];

    /// <summary>Files that are stored (uploaded, attached or generated extras), by handle.</summary>
    public Dictionary<string, StoredFile> FilesByHandle { get; } = new(StringComparer.Ordinal);

    /// <summary>Each candidate's projects (most candidates are in none, so they are kept aside).</summary>
    public Dictionary<Candidate, List<Project>> CandidateProjects { get; } = [];

    /// <summary>Each project's members, in the order they were added.</summary>
    public Dictionary<Project, List<Candidate>> ProjectMembers { get; } = [];

    public ReferralForm? ReferralForm { get; set; }

    public Project? FindProject(Guid id) => ProjectsById.GetValueOrDefault(id);

    /// <summary>
    /// Resolves a handle the emulator handed out: a stored file, or a generated resume (<c>resume-</c> + candidate id)
    /// while the candidate still has it.
    /// </summary>
    public StoredFile? FindFile(string handle)
    {
        if (FilesByHandle.TryGetValue(handle, out var stored)) return stored.Candidate is { Deleted: true } ? null : stored;
        if (!handle.StartsWith(ResumeHandlePrefix, StringComparison.Ordinal) || !Guid.TryParseExact(handle.AsSpan(ResumeHandlePrefix.Length), "N", out var id)) return null;
        if (FindCandidate(id) is not { HasResume: true, Resume: null } c) return null;
        return GeneratedResume(c);
    }

    /// <summary>The generated resume of a candidate (a view made on demand; nothing is stored).</summary>
    public static StoredFile GeneratedResume(Candidate c) => new()
    {
        Id = c.Id, Name = c.Name.Replace(' ', '_') + "_Resume.pdf", Handle = ResumeHandlePrefix + c.Id.ToString("N"), ContentType = "application/pdf",
        CreatedMs = c.CreatedMs, Candidate = c,
    };
}
