namespace Ashbridge.Core.Access;

/// <summary>An API token as listed (the token itself is shown once, at creation, and never stored).</summary>
public sealed record ApiToken(long Id, long UserId, string UserEmail, string Name, long? ConnectionId, bool ReadOnly, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
