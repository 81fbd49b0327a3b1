using System.Text.Json;

namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// Which field each column of a file holds (<see cref="BatchField"/>), by column position; null for a column left out.
/// Guessed from the headers, then changed by a person.
/// </summary>
public sealed record BatchMapping(IReadOnlyList<string?> Fields)
{
    /// <summary>Header words (lower case, letters and digits only) and the field they name.</summary>
    private static readonly (string Header, string Field)[] Exact =
    [
        ("firstname", BatchField.FirstName), ("first", BatchField.FirstName), ("givenname", BatchField.FirstName), ("forename", BatchField.FirstName),
        ("lastname", BatchField.LastName), ("last", BatchField.LastName), ("surname", BatchField.LastName), ("familyname", BatchField.LastName),
        ("name", BatchField.Name), ("fullname", BatchField.Name), ("candidatename", BatchField.Name), ("candidate", BatchField.Name), ("prospect", BatchField.Name),
        ("mobile", BatchField.Phone), ("tel", BatchField.Phone), ("telephone", BatchField.Phone), ("cell", BatchField.Phone),
        ("website", BatchField.Website), ("url", BatchField.Website), ("web", BatchField.Website), ("homepage", BatchField.Website), ("portfolio", BatchField.Website), ("site", BatchField.Website),
        ("company", BatchField.Company), ("currentcompany", BatchField.Company), ("employer", BatchField.Company), ("organisation", BatchField.Company), ("organization", BatchField.Company),
        ("job", BatchField.Job), ("jobid", BatchField.Job), ("role", BatchField.Job), ("requisition", BatchField.Job), ("position", BatchField.Job),
        ("tags", BatchField.Tags), ("tag", BatchField.Tags), ("tagids", BatchField.Tags), ("labels", BatchField.Tags),
        ("source", BatchField.Source), ("sourceid", BatchField.Source),
    ];

    /// <summary>Words that name a field wherever they stand in a header ("Work email", "LinkedIn profile").</summary>
    private static readonly (string Part, string Field)[] Contained =
    [
        ("email", BatchField.Email), ("mail", BatchField.Email), ("phone", BatchField.Phone), ("linkedin", BatchField.LinkedIn), ("github", BatchField.GitHub),
    ];

    /// <summary>The mapping the headers suggest: each recognised header to its field, a single-value field to its first column only.</summary>
    public static BatchMapping Guess(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var fields = new string?[headers.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var key = new string([.. headers[i].ToLowerInvariant().Where(char.IsLetterOrDigit)]);
            var field = Exact.FirstOrDefault(e => e.Header == key).Field ?? Contained.FirstOrDefault(c => key.Contains(c.Part, StringComparison.Ordinal)).Field;
            if (field is null || (!BatchField.Multiple.Contains(field) && !taken.Add(field))) continue;
            fields[i] = field;
        }

        return new BatchMapping(fields);
    }

    /// <summary>
    /// This mapping with <paramref name="changes"/>: each key a header (as written, case ignored) or a column number
    /// (1 for the first), each value a field or empty to leave the column out.
    /// </summary>
    /// <exception cref="DedupeBatchException">A column or field is not known, or a single-value field is given twice.</exception>
    public BatchMapping With(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(changes);
        var fields = Fields.ToArray();
        if (fields.Length != headers.Count) Array.Resize(ref fields, headers.Count);
        foreach (var (column, value) in changes)
        {
            var index = ColumnIndex(headers, column);
            if (string.IsNullOrWhiteSpace(value))
            {
                fields[index] = null;
                continue;
            }

            fields[index] = BatchField.Parse(value)
                ?? throw new DedupeBatchException($"'{value}' is not a field; use one of {string.Join(", ", BatchField.All)}, or nothing to leave the column out.");
        }

        var mapping = new BatchMapping(fields);
        mapping.Validate(headers);
        return mapping;
    }

    /// <summary>Checks that no single-value field is given twice.</summary>
    /// <exception cref="DedupeBatchException">A field such as firstName is given to two columns.</exception>
    public void Validate(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var twice in Fields.Select((f, i) => (Field: f, Index: i)).Where(f => f.Field is not null && !BatchField.Multiple.Contains(f.Field)).GroupBy(f => f.Field).Where(g => g.Count() > 1))
        {
            throw new DedupeBatchException($"{BatchField.Label(twice.Key!)} is given to {string.Join(" and ", twice.Select(t => Describe(headers, t.Index)))}; give it to one column only.");
        }
    }

    /// <summary>The columns holding <paramref name="field"/>.</summary>
    public IEnumerable<int> ColumnsOf(string field) => Fields.Select((f, i) => (f, i)).Where(x => x.f == field).Select(x => x.i);

    /// <summary>The mapping as stored: the field of each column, null for none.</summary>
    public string ToJson() => JsonSerializer.Serialize(Fields);

    /// <summary>The mapping stored by <see cref="ToJson"/>.</summary>
    public static BatchMapping FromJson(string json) => new(JsonSerializer.Deserialize<string?[]>(json) ?? []);

    private static int ColumnIndex(IReadOnlyList<string> headers, string column)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], column.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        }

        if (int.TryParse(column, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= headers.Count) return n - 1;
        throw new DedupeBatchException($"The file has no column '{column}'; its columns are {string.Join(", ", headers.Select((h, i) => Describe(headers, i)))}.");
    }

    private static string Describe(IReadOnlyList<string> headers, int index) => headers[index].Length > 0 ? $"'{headers[index]}'" : $"column {index + 1}";
}
