namespace Ashbridge.Emulator.Data;

/// <summary>
/// A file the emulator can serve: a candidate's uploaded resume or file, a generated extra file, or an upload waiting
/// to be attached (<c>file.createFileUploadHandle</c>). Generated resumes are not stored: their handles are derived
/// from the candidate id (see <see cref="Organization.FindFile"/>).
/// </summary>
internal sealed class StoredFile
{
    public required Guid Id;
    public required string Name;
    public required string Handle;
    public required string ContentType;
    public long CreatedMs;

    /// <summary>The uploaded bytes; null for generated files (their content is made on download) and uploads not yet sent.</summary>
    public byte[]? Content;

    /// <summary>False for an upload handle nothing has been uploaded to yet.</summary>
    public bool Uploaded = true;

    /// <summary>CandidateResume, CandidateFiles or ApplicationForm for upload handles; null for other files.</summary>
    public string? UploadContext;

    /// <summary>The declared size of an upload (file.createFileUploadHandle's contentLength).</summary>
    public long DeclaredLength;

    /// <summary>The candidate the file belongs to (null for an upload not attached yet).</summary>
    public Candidate? Candidate;
}

/// <summary>A talent project (a list of candidates being sourced together).</summary>
internal sealed class Project : Row
{
    public required string Title;
    public string? Description;
    public bool IsArchived;
    public bool Confidential;
    public User? Author;
}

/// <summary>An email message logged on a candidate's profile by <c>candidate.addEmailMessage</c>.</summary>
internal sealed class EmailMessage : Row
{
    public required Guid CandidateId;
    public required string ProviderEmailId;
    public required string Subject;
    public required string From;
    public required string To;
    public string? Body;
    public long SentMs;
    public string? Cc;
    public string? MessageUrl;
    public string? MessageIdHeader;
    public required string ThreadId;
    public bool IsPrivate;
    public bool UserIsSender;
}

/// <summary>One fraud check of a candidate, derived from the candidate on read (never stored).</summary>
internal sealed class FraudCheck : Row
{
    public required Candidate Candidate;
    public Application? Application;
    public required (Guid Id, string Category, string Name, string Description, string? Value)[] Signals;
}

/// <summary>The client (browser) that submitted an application, derived from the application on read.</summary>
internal sealed class ClientInfo : Row
{
    public required Candidate Candidate;
    public required Application Application;
    public required string IpAddress;
    public required string UserAgent;
}

/// <summary>The organisation's default referral form.</summary>
internal sealed class ReferralForm
{
    public required Guid Id;
    public required Guid OrganizationId;
    public required string Title;
    public required (Guid Id, string Type, string Path, string Title, bool IsRequired)[] Fields;
}
