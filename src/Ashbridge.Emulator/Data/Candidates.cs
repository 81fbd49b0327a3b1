namespace Ashbridge.Emulator.Data;

/// <summary>An email address or phone number of a candidate.</summary>
internal readonly record struct ContactPoint(string Value, ContactType Type, bool IsPrimary);

/// <summary>A social profile link.</summary>
internal readonly record struct SocialLink(byte Type, string Url);

/// <summary>A candidate's location summary, shared by every candidate of the same city.</summary>
internal sealed record CandidateLocation(Guid Id, string City, string Region, string Country, string Timezone)
{
    public string Summary { get; } = $"{City}, {Region}, {Country}";
}

/// <summary>A note on a candidate.</summary>
internal sealed class Note : Row
{
    public required string Content;
    public required User Author;
    public bool IsPrivate;
}

/// <summary>A candidate (a person), with links to their applications.</summary>
internal sealed class Candidate : Row
{
    public required string Name;
    public ContactPoint[] Emails = [];
    public ContactPoint[] Phones = [];
    public SocialLink[] SocialLinks = [];
    public Tag[] Tags = [];
    public string? Position;
    public string? Company;
    public string? School;
    public Application[] Applications = [];
    public bool HasResume;

    /// <summary>An uploaded resume; replaces the generated one (<see cref="HasResume"/>) when set.</summary>
    public StoredFile? Resume;

    /// <summary>Files other than the resume (generated extras and uploads), or null when there are none.</summary>
    public List<StoredFile>? Files;

    /// <summary>Email messages logged with candidate.addEmailMessage.</summary>
    public List<EmailMessage>? EmailMessages;
    public CustomFieldValue[] CustomFields = [];
    public Source? Source;
    public User? CreditedTo;
    public CandidateLocation? Location;
    public string? FraudStatus;
    public List<Note>? Notes;

    /// <summary>A candidate whose every application is on a confidential job is invisible without the confidential flag.</summary>
    public bool IsConfidentialOnly
    {
        get
        {
            if (Applications.Length == 0) return false;
            foreach (var a in Applications)
            {
                if (!a.Job.Confidential) return false;
            }

            return true;
        }
    }

    public ContactPoint? PrimaryEmail => Primary(Emails);

    public ContactPoint? PrimaryPhone => Primary(Phones);

    private static ContactPoint? Primary(ContactPoint[] points)
    {
        foreach (var p in points)
        {
            if (p.IsPrimary) return p;
        }

        return points.Length > 0 ? points[0] : null;
    }
}

/// <summary>One entry of an application's stage history.</summary>
internal sealed record HistoryEntry(Guid Id, InterviewStage Stage, long EnteredMs, long? LeftMs);

/// <summary>A candidate's application to a job; its status follows from the current stage's type.</summary>
internal sealed class Application : Row
{
    public required Candidate Candidate;
    public required Job Job;
    public required InterviewStage Stage;
    public Source? Source;
    public ArchiveReason? ArchiveReason;
    public long? ArchivedMs;
    public User? CreditedTo;

    /// <summary>Null while the application simply inherits its job's hiring team.</summary>
    public List<TeamMember>? HiringTeam;
    public CustomFieldValue[] CustomFields = [];
    public JobPosting? AppliedViaPosting;

    /// <summary>Null while the history is the generated one (derived on read); materialised on the first stage change.</summary>
    public List<HistoryEntry>? History;

    public ApplicationStatus Status => Stage.Type switch
    {
        StageType.Lead => ApplicationStatus.Lead,
        StageType.Hired => ApplicationStatus.Hired,
        StageType.Archived => ApplicationStatus.Archived,
        _ => ApplicationStatus.Active,
    };

    public IReadOnlyList<TeamMember> EffectiveHiringTeam => HiringTeam ?? Job.HiringTeam;
}

/// <summary>One version of an offer.</summary>
internal sealed class OfferVersion
{
    public Guid Id;
    public long StartMs;
    public double Salary;
    public string Currency = "USD";
    public long CreatedMs;
    public Opening? Opening;
    public CustomFieldValue[] CustomFields = [];
    public User? Author;
    public string? ApprovalStatus;
}

/// <summary>An offer on an application, with its versions (the last is the latest).</summary>
internal sealed class Offer : Row
{
    public required Application Application;
    public required string AcceptanceStatus;
    public required string OfferStatus;
    public long? DecidedMs;
    public List<OfferVersion> Versions = [];

    public OfferVersion Latest => Versions[^1];
}
