namespace Ashbridge.Core.Exports;

/// <summary>What defining (or redefining) an export takes: a name, a connection's name, custom field ids and filters.</summary>
public sealed record NewExport(string Name, string Connection, IReadOnlyList<string> CustomFieldIds, ExportFilters? Filters = null);
