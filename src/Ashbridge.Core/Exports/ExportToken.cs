namespace Ashbridge.Core.Exports;

/// <summary>A token bound to one export, as listed (the token itself is shown once, at creation).</summary>
public sealed record ExportToken(long Id, long ExportId, string Name, string UserEmail, bool Compensation, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
