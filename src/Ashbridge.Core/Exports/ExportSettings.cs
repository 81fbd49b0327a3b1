namespace Ashbridge.Core.Exports;

/// <summary>What an export definition stores beside its name and connection (as JSON, in <c>exports.settings_json</c>).</summary>
/// <param name="CustomFields">The chosen custom fields, in column order.</param>
/// <param name="Filters">Which rows it keeps.</param>
/// <param name="DeletedFieldsNoticed">Fields Ashby deleted that an admin was already told about (told once).</param>
public sealed record ExportSettings(IReadOnlyList<ExportCustomField> CustomFields, ExportFilters Filters, IReadOnlyList<string>? DeletedFieldsNoticed = null);
