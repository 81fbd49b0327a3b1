namespace Ashbridge.Core.OpenRoles;

/// <summary>A connection's policy for open roles.</summary>
/// <param name="IncludeConfidential">Whether confidential jobs' postings become open roles (off unless an admin opts in; never on a public surface).</param>
/// <param name="PublicFeed">Whether the public careers feed serves this connection's listed open roles (off by default).</param>
/// <param name="StaleAfter">Alert when the last good import is older than this; <see langword="null"/> for never.</param>
/// <param name="NotifyEmails">Who gets the import e-mails (none: only the in-app notice).</param>
public sealed record OpenRoleSettings(bool IncludeConfidential, bool PublicFeed, TimeSpan? StaleAfter, IReadOnlyList<string> NotifyEmails)
{
    public static OpenRoleSettings Default { get; } = new(false, false, null, []);
}
