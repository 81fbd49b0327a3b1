namespace Ashbridge.Core.Connections;

/// <summary>A connection of that name already exists.</summary>
public sealed class ConnectionExistsException : Exception
{
    /// <summary>Creates an exception.</summary>
    public ConnectionExistsException() { }

    /// <summary>Creates an exception with a message.</summary>
    public ConnectionExistsException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public ConnectionExistsException(string message, Exception? innerException) : base(message, innerException) { }
}
