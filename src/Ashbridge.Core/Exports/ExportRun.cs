namespace Ashbridge.Core.Exports;

/// <summary>A past run of an export: who pulled it, in what format, since when, and its report.</summary>
public sealed record ExportRun(long Id, long ExportId, DateTimeOffset StartedAt, string Actor, ExportFormat Format, DateTimeOffset? Since, ExportReport Report);
