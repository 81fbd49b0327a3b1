namespace Ashbridge.Core.OrgChart;

/// <summary>What an import did, or would do, with one row of the CSV.</summary>
/// <param name="Row">The row's number as a spreadsheet shows it (the header is row 1).</param>
/// <param name="Email">The row's e-mail address as written, or <see langword="null"/> when it had none.</param>
/// <param name="Outcome"><c>create</c>, <c>update</c>, <c>unchanged</c>, or <c>error</c> (then <paramref name="Reason"/> says why).</param>
public sealed record PeopleImportRow(int Row, string? Email, string Outcome, string? Reason = null)
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Unchanged = "unchanged";
    public const string Error = "error";
}
