namespace Ashbridge.Core.Dedupe;

/// <summary>
/// A prospect to add to Ashby as a new candidate (<c>candidate.create</c>): first name, last name and an email are
/// required; with a job it is also applied to it (<c>application.create</c>, landing in the job's first Lead stage, so
/// Ashby shows it as New Lead). Source, credited user and tags are optional. <c>Actor</c> is who the audit log names
/// (the signed-in person or token; <see cref="ProspectWrites.DefaultActor"/> when not given).
/// </summary>
public sealed record ProspectUpload(
    DuplicateProspect Prospect,
    string? JobId = null,
    string? SourceId = null,
    string? CreditedToUserId = null,
    IReadOnlyList<string>? TagIds = null,
    string? Actor = null);
