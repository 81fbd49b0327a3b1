namespace Ashbridge.Ashby;

/// <summary>The object does not exist (<c>*_not_found</c> codes).</summary>
public sealed class AshbyNotFoundException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyNotFoundException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyNotFoundException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyNotFoundException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbyNotFoundException(string message, AshbyErrorData data) : base(message, data) { }
}
