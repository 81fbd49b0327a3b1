using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Ashby;

/// <summary>Settings for an <see cref="AshbyClient"/>. Defaults live in <see cref="AshbyClientDefaults"/>.</summary>
public sealed class AshbyClientOptions
{
    /// <summary>The base URL of the Ashby API (default <c>https://api.ashbyhq.com</c>).</summary>
    public Uri BaseUrl { get; set; } = AshbyClientDefaults.BaseUrl;

    /// <summary>The Ashby API key, sent as the HTTP Basic user name with an empty password. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How many times a failed attempt is retried (0 disables retries). Default 3.</summary>
    public int MaxRetries { get; set; } = AshbyClientDefaults.MaxRetries;

    /// <summary>The base delay of the exponential backoff (with jitter). Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = AshbyClientDefaults.BaseDelay;

    /// <summary>The longest backoff delay computed by the client. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = AshbyClientDefaults.MaxDelay;

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for by itself. A rate-limit answer asking for longer
    /// is not retried; the <see cref="AshbyRateLimitedException"/> carries the delay instead. Default 2 minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = AshbyClientDefaults.MaxRetryAfter;

    /// <summary>The timeout of one attempt; <see cref="Timeout.InfiniteTimeSpan"/> disables it. Default 100 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = AshbyClientDefaults.AttemptTimeout;

    /// <summary>The clock used for backoff, timeouts and <c>Retry-After</c> dates. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>An optional API version (e.g. <c>2026-01-01</c>) sent as the <c>Ashby-Version</c> request header.</summary>
    public string? AshbyVersion { get; set; }

    /// <summary>An optional logger factory for retry and version warnings (never logs the key or bodies).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The <c>User-Agent</c> product sent with each request.</summary>
    public string UserAgent { get; set; } = AshbyClientDefaults.UserAgent;

    /// <summary>
    /// A limiter every HTTP attempt must pass (each retry too); share one instance between the clients of one API key
    /// so the sync and the features draw on one budget. The client does not dispose it. Null (the default) means no limit.
    /// </summary>
    /// <remarks>
    /// Each attempt takes one permit and waits in the limiter's queue; the wait does not count against
    /// <see cref="AttemptTimeout"/> but does end with the caller's <see cref="CancellationToken"/>. When the limiter refuses
    /// a permit (for example its queue is full), the call fails with Polly's
    /// <see cref="Polly.RateLimiting.RateLimiterRejectedException"/> (carrying the limiter's retry-after, if any). It is
    /// not retried: a full queue means this process already asks for more than the key's budget, so the caller decides.
    /// </remarks>
    public RateLimiter? RequestLimiter { get; set; }

    /// <summary>Creates a copy of these options.</summary>
    /// <returns>A shallow copy (a <see cref="RequestLimiter"/> is shared, not copied).</returns>
    public AshbyClientOptions Clone() => (AshbyClientOptions)MemberwiseClone();

    internal void Validate()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("AshbyClientOptions.BaseUrl must be an absolute URL such as https://api.ashbyhq.com.", nameof(BaseUrl));
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("AshbyClientOptions.ApiKey is empty; create a key in Ashby Admin › Integrations › API keys and pass it in.", nameof(ApiKey));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetries, 100, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
        if (AttemptTimeout != Timeout.InfiniteTimeSpan && AttemptTimeout < TimeSpan.FromMilliseconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), "AttemptTimeout must be at least 10 ms or Timeout.InfiniteTimeSpan.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
