namespace Ashbridge.Ashby;

/// <summary>
/// No answer came from Ashby: the connection was refused, the name did not resolve, or the connection was dropped or
/// reset before the whole response arrived. Transient; the cause (an <see cref="HttpRequestException"/> or
/// <see cref="IOException"/>) is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class AshbyUnreachableException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyUnreachableException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyUnreachableException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyUnreachableException(string message, Exception? innerException)
        : base(message, new AshbyErrorData { IsTransient = true }, innerException) { }

    internal AshbyUnreachableException(string message, AshbyErrorData data, Exception innerException) : base(message, data, innerException) { }
}
