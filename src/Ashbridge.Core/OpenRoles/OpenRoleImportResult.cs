namespace Ashbridge.Core.OpenRoles;

/// <summary>What one import of a connection's open roles did: roles new, changed and closed, or why it failed.</summary>
/// <param name="Trigger"><c>pass</c>, <c>webhook</c>, <c>schedule</c> or <c>manual</c>.</param>
/// <param name="Error">Why the import failed, or <see langword="null"/> when it succeeded.</param>
public sealed record OpenRoleImportResult(
    long Id, long ConnectionId, string Trigger, DateTimeOffset StartedAt, DateTimeOffset FinishedAt,
    int New, int Changed, int Closed, string? Error)
{
    public bool Succeeded => Error is null;
}
