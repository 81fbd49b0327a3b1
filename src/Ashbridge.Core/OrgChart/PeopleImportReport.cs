namespace Ashbridge.Core.OrgChart;

/// <summary>What a people import did (or, as a dry run, would do): a line per row; nothing is written when any row is bad.</summary>
/// <param name="Imported">Whether the people were written (not a dry run, and no row was bad).</param>
public sealed record PeopleImportReport(bool DryRun, bool Imported, int Created, int Updated, int Unchanged, IReadOnlyList<PeopleImportRow> Rows)
{
    /// <summary>The rows that stopped the import.</summary>
    public IReadOnlyList<PeopleImportRow> Errors => [.. Rows.Where(r => r.Outcome == PeopleImportRow.Error)];

    /// <summary>Whether any row was bad (then nothing was written).</summary>
    public bool HasErrors => Rows.Any(r => r.Outcome == PeopleImportRow.Error);

    /// <summary>The outcome in one sentence.</summary>
    public string Summary => HasErrors
        ? $"{Errors.Count} of {Rows.Count(r => r.Row > 1)} rows have problems; nothing was imported. Fix them and import again."
        : $"{(DryRun ? "Would create" : "Created")} {Created}, {(DryRun ? "update" : "updated")} {Updated}, {Unchanged} unchanged{(DryRun ? " (dry run: nothing was written)" : "")}.";
}
