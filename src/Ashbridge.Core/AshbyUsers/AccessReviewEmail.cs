namespace Ashbridge.Core.AshbyUsers;

/// <summary>A connection's weekly access review e-mail: whether it goes, to whom, and when it last went.</summary>
public sealed record AccessReviewEmail(bool Weekly, IReadOnlyList<string> Recipients, DateTimeOffset? LastSentAt);
