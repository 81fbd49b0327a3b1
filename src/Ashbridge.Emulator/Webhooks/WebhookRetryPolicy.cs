namespace Ashbridge.Emulator.Webhooks;

/// <summary>Ashby's documented retry rules: up to 10 attempts, (2^n − 1) × 10 s apart, never after 401/403/404/405/410.</summary>
internal static class WebhookRetryPolicy
{
    public const int MaxAttempts = 10;

    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(10);

    /// <summary>Whether the receiver accepted the delivery.</summary>
    public static bool IsSuccess(int status) => status is >= 200 and <= 299;

    /// <summary>Statuses after which Ashby stops: the receiver said retrying cannot help.</summary>
    public static bool IsFinalRefusal(int status) => status is 401 or 403 or 404 or 405 or 410;

    /// <summary>The wait before the next attempt once <paramref name="attemptsSoFar"/> have failed, scaled for tests.</summary>
    public static TimeSpan DelayAfter(int attemptsSoFar, double timeScale) =>
        BaseDelay * (((1L << attemptsSoFar) - 1) * timeScale);
}
