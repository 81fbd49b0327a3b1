namespace Ashbridge.Core.Access;

/// <summary>A sign-in attempt's outcome: the user when signed in, the end of the lockout when locked out.</summary>
public sealed record SignInResult(SignInOutcome Outcome, User? User = null, DateTimeOffset? LockedUntil = null);
