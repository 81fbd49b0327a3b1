namespace Ashbridge.Core.Access;

/// <summary>Whom a presented token speaks for, and what it is limited to.</summary>
public sealed record TokenIdentity(long TokenId, User User, long? ConnectionId, bool ReadOnly);
