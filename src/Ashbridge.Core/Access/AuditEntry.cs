namespace Ashbridge.Core.Access;

/// <summary>One audited act: who, what, on what, when.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail);
