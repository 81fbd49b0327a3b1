namespace Ashbridge.Core.Access;

/// <summary>
/// Which audit entries to show: those whose actor and target contain the given text (any case), of one action, one
/// page of them, newest first. Blank filters match everything.
/// </summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Target = null, int Page = 1, int PageSize = AuditQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;
}
