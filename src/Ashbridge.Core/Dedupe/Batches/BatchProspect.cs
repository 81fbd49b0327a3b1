using System.Security.Cryptography;
using System.Text;

namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// One row of a batch read through its mapping: the prospect, the job, source and tags given, every reason the row
/// cannot be written (empty when it can), who the row is (its identity in the file) and its idempotency key.
/// </summary>
/// <param name="Prospect">The prospect as the duplicate check and the writes take it.</param>
/// <param name="JobId">The job to apply the prospect to, if any.</param>
/// <param name="SourceId">The source of a new candidate, if any.</param>
/// <param name="TagIds">Tags to add, if any.</param>
/// <param name="Problems">Why the row cannot be written, one sentence each.</param>
/// <param name="Identity">Who the row is: its first email (canonical), else its name and contacts; two rows of one file with the same identity are one prospect.</param>
/// <param name="RowKey">The row's idempotency key on its connection: a hash of the connection, the identity and the job.</param>
public sealed record BatchProspect(
    DuplicateProspect Prospect, string? JobId, string? SourceId, IReadOnlyList<string> TagIds, IReadOnlyList<string> Problems, string Identity, string RowKey)
{
    private static readonly char[] ListSeparators = [';', ',', '\n', '\r', '\t'];

    /// <summary>Whether Ashby can create a candidate from the row: a first name, a last name and an email.</summary>
    public bool CanCreate => !string.IsNullOrWhiteSpace(Prospect.FirstName) && !string.IsNullOrWhiteSpace(Prospect.LastName) && Prospect.Emails is { Count: > 0 };

    /// <summary>Reads <paramref name="row"/> through <paramref name="mapping"/>, checking it against what the connection offers.</summary>
    public static BatchProspect Read(long connectionId, IReadOnlyList<string> headers, BatchMapping mapping, BatchFileRow row, UploadChoices choices)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(choices);
        string One(string field) => mapping.ColumnsOf(field).Select(i => i < row.Cells.Count ? row.Cells[i] : "").FirstOrDefault(c => c.Length > 0) ?? "";
        List<string> Many(string field, bool spaces) => [.. mapping.ColumnsOf(field)
            .Where(i => i < row.Cells.Count)
            .SelectMany(i => spaces ? row.Cells[i].Split([.. ListSeparators, ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : row.Cells[i].Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

        var problems = new List<string>();
        foreach (var column in row.FormulaColumns.Where(c => c < headers.Count))
        {
            problems.Add($"the {Column(headers, column)} cell is a formula (or starts with =, +, - or @ as one does); put its value in the cell instead");
        }

        var first = One(BatchField.FirstName);
        var last = One(BatchField.LastName);
        if (first.Length == 0 && last.Length == 0 && One(BatchField.Name) is { Length: > 0 } full)
        {
            var (f, l) = NewHires.NameSplitter.Split(full);
            (first, last) = (f ?? "", l ?? "");
        }

        var emails = Many(BatchField.Email, spaces: true);
        var phones = Many(BatchField.Phone, spaces: false);
        List<string> urls = [.. Many(BatchField.LinkedIn, true), .. Many(BatchField.GitHub, true), .. Many(BatchField.Website, true)];
        var company = One(BatchField.Company);
        var job = One(BatchField.Job);
        var source = One(BatchField.Source);
        var tags = Many(BatchField.Tags, spaces: true);

        if ((first.Length == 0 || last.Length == 0) && emails.Count == 0) problems.Add("the row has no name (first and last) and no email");
        var canonical = new List<string>();
        foreach (var email in emails)
        {
            if (EmailKey.TryParse(email, out var key)) canonical.Add(key.Canonical);
            else problems.Add($"'{email}' is not an email address");
        }

        var e164 = new List<string>();
        foreach (var phone in phones)
        {
            if (PhoneKey.TryNormalize(phone, choices.DefaultRegion, out var number)) e164.Add(number);
            else problems.Add($"'{phone}' is not a phone number (read in region {choices.DefaultRegion} when it has no country code)");
        }

        if (job.Length > 0 && !choices.Jobs.Any(j => string.Equals(j.Id, job, StringComparison.Ordinal)))
        {
            problems.Add($"job '{job}' is not offered: it does not exist, is not open, or is confidential");
        }

        var prospect = new DuplicateProspect(NullIfEmpty(first), NullIfEmpty(last), emails, phones, urls, NullIfEmpty(company));
        if (problems.Count == 0)
        {
            try
            {
                ProspectKeys.Parse(prospect, choices.DefaultRegion);
            }
            catch (DuplicateCheckInvalidException ex)
            {
                problems.AddRange(ex.Problems.Select(p => p.TrimEnd('.')));
            }
        }

        var identity = canonical.Count > 0
            ? "e:" + canonical.Order(StringComparer.Ordinal).First()
            : $"n:{NameFolding.Fold(first)}|{NameFolding.Fold(last)}|{string.Join(",", e164.Order(StringComparer.Ordinal))}|{string.Join(",", urls.Select(u => u.ToLowerInvariant()).Order(StringComparer.Ordinal))}";
        return new BatchProspect(prospect, NullIfEmpty(job), NullIfEmpty(source), tags, problems, identity, KeyOf(connectionId, identity, job));
    }

    /// <summary>The idempotency key of a row: the same person and job on the same connection, whichever file or batch it comes from.</summary>
    public static string KeyOf(long connectionId, string identity, string? job) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{connectionId}\n{identity}\n{job}"))));

    private static string Column(IReadOnlyList<string> headers, int index) => headers[index].Length > 0 ? headers[index] : $"column {index + 1}";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
