namespace Ashbridge.Core.Sync;

/// <summary>Another pass of the same connection holds the lock (in this process or another); only one runs at a time.</summary>
public sealed class SyncAlreadyRunningException : Exception
{
    /// <summary>Creates an exception.</summary>
    public SyncAlreadyRunningException() { }

    /// <summary>Creates an exception with a message.</summary>
    public SyncAlreadyRunningException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public SyncAlreadyRunningException(string message, Exception? innerException) : base(message, innerException) { }
}
