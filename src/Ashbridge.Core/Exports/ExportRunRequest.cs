namespace Ashbridge.Core.Exports;

/// <summary>How to run an export: the format, only rows changed since a time, whether compensation columns are included, and who asks (for the audit log).</summary>
public sealed record ExportRunRequest(ExportFormat Format, DateTimeOffset? Since, bool Compensation, string Actor);
