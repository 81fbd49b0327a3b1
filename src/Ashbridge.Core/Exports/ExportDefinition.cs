namespace Ashbridge.Core.Exports;

/// <summary>A saved export: hired applications of one connection with the default fields and the chosen custom fields.</summary>
public sealed record ExportDefinition(
    long Id, long ConnectionId, string Connection, string Name, IReadOnlyList<ExportCustomField> CustomFields, ExportFilters Filters,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt)
{
    /// <summary>Fields Ashby deleted that an admin was already told about.</summary>
    internal IReadOnlyList<string> DeletedFieldsNoticed { get; init; } = [];
}
