namespace Ashbridge.Core.AshbyUsers;

/// <summary>The access review of one connection: the findings by kind, and how many users were reviewed.</summary>
public sealed record AccessReviewReport(DateTimeOffset At, int Users, int EnabledUsers, IReadOnlyList<AccessFinding> Findings)
{
    /// <summary>The findings of one kind.</summary>
    public IReadOnlyList<AccessFinding> Of(AccessFindingKind kind) => [.. Findings.Where(f => f.Kind == kind)];
}
