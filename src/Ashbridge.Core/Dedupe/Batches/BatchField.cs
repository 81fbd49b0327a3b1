namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// What a column of a batch file holds. Emails, phones, the three kinds of link and tags may come from several columns
/// (and several values in a cell, separated by <c>;</c> or <c>,</c>); the others from one column at most.
/// </summary>
public static class BatchField
{
    public const string FirstName = "firstName";
    public const string LastName = "lastName";

    /// <summary>A full name, split into first and last when those columns are not mapped.</summary>
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string LinkedIn = "linkedIn";
    public const string GitHub = "gitHub";
    public const string Website = "website";
    public const string Company = "company";

    /// <summary>An Ashby job id: the prospect is applied to it.</summary>
    public const string Job = "job";

    /// <summary>Ashby tag ids, added to the candidate.</summary>
    public const string Tags = "tags";

    /// <summary>An Ashby source id, for a new candidate.</summary>
    public const string Source = "source";

    /// <summary>Every field, in the order forms list them.</summary>
    public static IReadOnlyList<string> All { get; } = [FirstName, LastName, Name, Email, Phone, LinkedIn, GitHub, Website, Company, Job, Tags, Source];

    /// <summary>The fields that several columns may hold.</summary>
    public static IReadOnlySet<string> Multiple { get; } = new HashSet<string>(StringComparer.Ordinal) { Email, Phone, LinkedIn, GitHub, Website, Tags };

    /// <summary>The field's name for people.</summary>
    public static string Label(string field) => field switch
    {
        FirstName => "First name",
        LastName => "Last name",
        Name => "Full name",
        Email => "Email",
        Phone => "Phone",
        LinkedIn => "LinkedIn",
        GitHub => "GitHub",
        Website => "Website",
        Company => "Company",
        Job => "Job id",
        Tags => "Tag ids",
        Source => "Source id",
        _ => field,
    };

    /// <summary>The field as written (any case), or null when it is not one.</summary>
    public static string? Parse(string? text) => All.FirstOrDefault(f => string.Equals(f, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
