namespace Ashbridge.Core.Dedupe;

/// <summary>A person a sourcer found, to check against the connection's candidates before anything is written to Ashby.</summary>
public sealed record DuplicateProspect(
    string? FirstName = null,
    string? LastName = null,
    IReadOnlyList<string>? Emails = null,
    IReadOnlyList<string>? Phones = null,
    IReadOnlyList<string>? Urls = null,
    string? Company = null);
