namespace Ashbridge.Emulator.Data;

/// <summary>A department or team; <see cref="Parent"/> builds the hierarchy.</summary>
internal sealed class Department : Row
{
    public required string Name;
    public string? ExternalName;
    public Department? Parent;
    public bool IsArchived;

    /// <summary>The caller's own key/value pairs (<c>extraData</c>); null until a write sets some.</summary>
    public Dictionary<string, string>? ExtraData;

    /// <summary>Whether <paramref name="other"/> is this department or one below it (a move under it would make a cycle).</summary>
    public bool IsOrIsAbove(Department other)
    {
        for (Department? d = other; d is not null; d = d.Parent)
        {
            if (ReferenceEquals(d, this)) return true;
        }

        return false;
    }
}

/// <summary>A postal address as Ashby nests it under <c>address.postalAddress</c> (generated ones have every part; written ones may not).</summary>
internal sealed record PostalAddress(string? Country, string? Region, string? Locality, string? PostalCode, string? Street);

/// <summary>An office (<c>Location</c>) or a region grouping offices (<c>LocationHierarchy</c>).</summary>
internal sealed class Location : Row
{
    public required string Name;
    public string? ExternalName;
    public Location? Parent;
    public bool IsArchived;
    public bool IsHierarchy;
    public byte WorkplaceType;
    public PostalAddress? Address;

    /// <summary>The caller's own key/value pairs (<c>extraData</c>); null until a write sets some.</summary>
    public Dictionary<string, string>? ExtraData;

    /// <summary>Whether <paramref name="other"/> is this location or one below it (a move under it would make a cycle).</summary>
    public bool IsOrIsAbove(Location other)
    {
        for (Location? l = other; l is not null; l = l.Parent)
        {
            if (ReferenceEquals(l, this)) return true;
        }

        return false;
    }
}

/// <summary>An Ashby user (recruiter, hiring manager, interviewer…).</summary>
internal sealed class User : Row
{
    public required string FirstName;
    public required string LastName;
    public required string Email;
    public byte GlobalRole;
    public bool IsEnabled = true;
    public User? Manager;
}

/// <summary>A hiring team role such as Recruiter or Hiring Manager.</summary>
internal sealed class HiringTeamRole
{
    public Guid Id;
    public required string Title;
}

/// <summary>One member of a job's, opening's or application's hiring team.</summary>
internal sealed record TeamMember(User User, HiringTeamRole Role);

/// <summary>A source type such as Inbound or Outbound; sources group under it.</summary>
internal sealed class SourceType
{
    public Guid Id;
    public required string Title;
    public bool IsArchived;
}

/// <summary>Where a candidate came from (LinkedIn, Referral…).</summary>
internal sealed class Source
{
    public Guid Id;
    public required string Title;
    public bool IsArchived;
    public SourceType? Type;
}

/// <summary>Why an application was archived.</summary>
internal sealed class ArchiveReason
{
    public Guid Id;
    public required string Text;
    public byte ReasonType;
    public bool IsArchived;
}

/// <summary>A candidate tag.</summary>
internal sealed class Tag : Row
{
    public required string Title;
    public bool IsArchived;
}

/// <summary>A reusable message (email, LinkedIn InMail or connection note), such as the archive email <c>application.changeStage</c> sends.</summary>
internal sealed class CommunicationTemplate
{
    /// <summary>Ashby's <c>intendedTypes</c> values, in bit order.</summary>
    public static readonly string[] TypeNames = ["email", "inMail", "linkedInConnection"];

    public const int Email = 0;

    public Guid Id;
    public required string Title;

    /// <summary>Bits over <see cref="TypeNames"/>.</summary>
    public byte IntendedTypes;

    /// <summary>Disabled templates are not listed by <c>communicationTemplate.list</c> ("all enabled communication templates").</summary>
    public bool IsEnabled = true;
    public long CreatedMs;
    public long UpdatedMs;

    public bool IsIntendedFor(int type) => (IntendedTypes & (1 << type)) != 0;
}

/// <summary>A custom tracking link (<c>?utm_source=code</c> on the job board) that credits applications to a source.</summary>
internal sealed class SourceTrackingLink : Row
{
    public required string Code;
    public required Source Source;
    public bool Enabled = true;
}
