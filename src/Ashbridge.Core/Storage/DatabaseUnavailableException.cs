namespace Ashbridge.Core.Storage;

/// <summary>The database could not be reached, created or migrated; the message says which and why.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    /// <summary>Creates an exception.</summary>
    public DatabaseUnavailableException() { }

    /// <summary>Creates an exception with a message.</summary>
    public DatabaseUnavailableException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public DatabaseUnavailableException(string message, Exception? innerException) : base(message, innerException) { }
}
