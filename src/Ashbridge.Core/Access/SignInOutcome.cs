namespace Ashbridge.Core.Access;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    /// <summary>The password matched an active user.</summary>
    SignedIn,

    /// <summary>Unknown email, wrong password or a disabled user: callers cannot tell which.</summary>
    Refused,

    /// <summary>Too many wrong passwords for this account: refused until <see cref="SignInResult.LockedUntil"/>, even with the right one.</summary>
    LockedOut,
}
