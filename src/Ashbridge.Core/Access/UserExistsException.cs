namespace Ashbridge.Core.Access;

/// <summary>The user exists already.</summary>
public sealed class UserExistsException : Exception
{
    public UserExistsException() { }

    public UserExistsException(string message) : base(message) { }

    public UserExistsException(string message, Exception innerException) : base(message, innerException) { }
}
