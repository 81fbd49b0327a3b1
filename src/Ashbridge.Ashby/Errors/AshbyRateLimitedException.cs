namespace Ashbridge.Ashby;

/// <summary>Ashby throttled the key or the integration partner (HTTP 429).</summary>
public sealed class AshbyRateLimitedException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyRateLimitedException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyRateLimitedException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyRateLimitedException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbyRateLimitedException(string message, AshbyErrorData data)
        : base(message, data)
    {
        RetryAfter = data.RetryAfter;
        Scope = data.RateLimitScope;
    }

    /// <summary>The server's <c>Retry-After</c>, when the header was sent.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The <c>X-RateLimit-Scope</c> header (e.g. <c>integration-partner</c>), when sent.</summary>
    public string? Scope { get; }
}
