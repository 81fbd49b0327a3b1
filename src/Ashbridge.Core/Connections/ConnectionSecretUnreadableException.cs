namespace Ashbridge.Core.Connections;

/// <summary>
/// A stored API key cannot be decrypted: the Data Protection keys beside the database were lost or replaced. The admin
/// must enter the key again (<c>ashbridge connection set-key</c>).
/// </summary>
public sealed class ConnectionSecretUnreadableException : Exception
{
    /// <summary>Creates an exception.</summary>
    public ConnectionSecretUnreadableException() { }

    /// <summary>Creates an exception with a message.</summary>
    public ConnectionSecretUnreadableException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public ConnectionSecretUnreadableException(string message, Exception? innerException) : base(message, innerException) { }
}
