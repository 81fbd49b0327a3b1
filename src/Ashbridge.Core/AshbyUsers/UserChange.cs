namespace Ashbridge.Core.AshbyUsers;

/// <summary>One change to an Ashby user seen between two passes of the mirror.</summary>
/// <param name="Kind">added, role_changed, deactivated, reactivated, email_changed, renamed or removed (see <see cref="UserChangeKinds"/>).</param>
/// <param name="Before">The value before (the role, the email, the name), when the kind has one.</param>
/// <param name="After">The value after.</param>
public sealed record UserChange(long Id, string UserId, string? Email, string Name, string Kind, string? Before, string? After, DateTimeOffset ChangedAt);
