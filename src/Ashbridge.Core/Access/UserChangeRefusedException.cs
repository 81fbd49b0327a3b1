namespace Ashbridge.Core.Access;

/// <summary>A change to a user that would leave the hub without an active admin, or that names no user; the message says which.</summary>
public sealed class UserChangeRefusedException : Exception
{
    public UserChangeRefusedException() { }

    public UserChangeRefusedException(string message) : base(message) { }

    public UserChangeRefusedException(string message, Exception innerException) : base(message, innerException) { }
}
