namespace Ashbridge.Core.Exports;

/// <summary>One column of an export.</summary>
/// <param name="Name">Its stable name (the CSV and XLSX header, the JSON Lines key): snake case, never renamed.</param>
/// <param name="Title">What people read in the page.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="IsCompensation">Left out (not blanked) for those who may not see compensation.</param>
/// <param name="CustomFieldId">The Ashby custom field it reads, if any.</param>
/// <param name="DeletedInAshby">Its custom field was deleted in Ashby: the column stays, empty, so a consumer's mapping holds.</param>
public sealed record ExportColumn(string Name, string Title, ExportValueKind Kind, bool IsCompensation, string? CustomFieldId = null, bool DeletedInAshby = false);
