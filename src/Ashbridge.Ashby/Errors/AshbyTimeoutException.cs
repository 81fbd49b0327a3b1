namespace Ashbridge.Ashby;

/// <summary>
/// Ashby did not answer within <see cref="AshbyClientOptions.AttemptTimeout"/> (or the caller's
/// <see cref="HttpClient.Timeout"/>). Transient; the cause (Polly's <c>TimeoutRejectedException</c> or a
/// <see cref="TaskCanceledException"/>) is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class AshbyTimeoutException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyTimeoutException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyTimeoutException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyTimeoutException(string message, Exception? innerException)
        : base(message, new AshbyErrorData { IsTransient = true }, innerException) { }

    internal AshbyTimeoutException(string message, AshbyErrorData data, Exception innerException, TimeSpan timeout)
        : base(message, data, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>How long one attempt was allowed, when known.</summary>
    public TimeSpan? Timeout { get; }
}
