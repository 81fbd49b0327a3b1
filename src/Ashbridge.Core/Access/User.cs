namespace Ashbridge.Core.Access;

/// <summary>A person who signs in.</summary>
public sealed record User(long Id, string Email, UserRole Role, DateTimeOffset CreatedAt, bool Disabled);
