namespace Ashbridge.Ashby;

/// <summary>Default values of <see cref="AshbyClientOptions"/>.</summary>
public static class AshbyClientDefaults
{
    /// <summary>The production API base URL.</summary>
    public static readonly Uri BaseUrl = new("https://api.ashbyhq.com");

    /// <summary>Default retry count.</summary>
    public const int MaxRetries = 3;

    /// <summary>Default base backoff delay.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>Default maximum backoff delay.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Default maximum honoured <c>Retry-After</c>.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);

    /// <summary>Default per-attempt timeout.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);

    /// <summary>Default user agent.</summary>
    public const string UserAgent = "Ashbridge.Ashby";

    /// <summary>The name of the HTTP client registered by <c>AddAshbyClient</c>.</summary>
    public const string HttpClientName = "Ashbridge.Ashby";
}
