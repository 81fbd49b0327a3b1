namespace Ashbridge.Core.Connections;

/// <summary>
/// One Ashby account the hub talks to. The API key is not here: it stays encrypted in the database and is read only to
/// build a client (<see cref="ConnectionStore.ReadApiKeyAsync"/>), so a connection can be logged or serialized safely.
/// </summary>
/// <param name="Id">The database id.</param>
/// <param name="Name">A short name, unique, usable in URLs (<c>acme</c>, <c>acme-eu</c>).</param>
/// <param name="BaseUrl">The Ashby API's base URL: the public one, or an emulator's.</param>
/// <param name="SyncIntervalMinutes">Minutes between incremental passes, when set (default 5).</param>
/// <param name="SyncCron">A Quartz cron expression for incremental passes; wins over the interval.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="UpdatedAt">When its key or schedule last changed.</param>
public sealed record Connection(
    long Id, string Name, Uri BaseUrl, int? SyncIntervalMinutes, string? SyncCron, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

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
