namespace Ashbridge.Emulator.Data;

/// <summary>A department or team; <see cref="Parent"/> builds the hierarchy.</summary>
internal sealed class Department : Row
{
    public required string Name;
    public string? ExternalName;
    public Department? Parent;
    public bool IsArchived;
}

/// <summary>A postal address as Ashby nests it under <c>address.postalAddress</c>.</summary>
internal sealed record PostalAddress(string Country, string Region, string Locality, string PostalCode, string Street);

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
