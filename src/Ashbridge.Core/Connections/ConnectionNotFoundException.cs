namespace Ashbridge.Core.Connections;

/// <summary>No connection has that name or id.</summary>
public sealed class ConnectionNotFoundException : Exception
{
    /// <summary>Creates an exception.</summary>
    public ConnectionNotFoundException() { }

    /// <summary>Creates an exception with a message.</summary>
    public ConnectionNotFoundException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public ConnectionNotFoundException(string message, Exception? innerException) : base(message, innerException) { }
}
