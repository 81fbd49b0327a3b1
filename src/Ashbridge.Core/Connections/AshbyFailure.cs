using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ashbridge.Ashby;

namespace Ashbridge.Core.Connections;

/// <summary>
/// The one reading of an Ashby client exception for the whole hub: what kind of failure it is, whether a run should
/// stop (every other call would fail alike), and the message an admin sees. Core and the server catch
/// <see cref="AshbyApiException"/> and ask this; none of them catch the transport's own exceptions, which the client
/// never lets out.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">What happened and what to do, for the admin.</param>
/// <param name="Exception">The client's exception.</param>
public sealed record AshbyFailure(AshbyFailureKind Kind, string Message, AshbyApiException Exception)
{
    /// <summary>Whether a later retry of the same call may succeed.</summary>
    public bool IsTransient => Exception.IsTransient;

    /// <summary>
    /// Whether the failure is Ashby's or the key's rather than one call's: a run that meets it stops, and the streams
    /// after it are recorded as not run instead of each spending its own retries on the same wall.
    /// </summary>
    public bool StopsRun => Kind is AshbyFailureKind.Unreachable or AshbyFailureKind.TimedOut or AshbyFailureKind.RateLimited or AshbyFailureKind.KeyRefused;

    /// <summary>Whether Ashby gave no answer at all (unreachable or timed out).</summary>
    public bool IsNoAnswer => Kind is AshbyFailureKind.Unreachable or AshbyFailureKind.TimedOut;

    /// <summary>Reads an exception; false when it is not an Ashby client error.</summary>
    public static bool TryClassify(Exception exception, [NotNullWhen(true)] out AshbyFailure? failure)
    {
        failure = exception is AshbyApiException ashby ? Classify(ashby) : null;
        return failure is not null;
    }

    /// <summary>Reads an Ashby client error.</summary>
    public static AshbyFailure Classify(AshbyApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var endpoint = exception.Endpoint ?? "the request";
        return exception switch
        {
            AshbyUnreachableException => new(AshbyFailureKind.Unreachable,
                $"Ashby could not be reached: {endpoint} got no answer ({Cause(exception)}). Check the connection's base URL and that this server can reach Ashby (network, proxy, firewall); what was stored is kept and the next run resumes there.",
                exception),
            AshbyTimeoutException t => new(AshbyFailureKind.TimedOut,
                $"Ashby did not answer {endpoint}{Within(t.Timeout)}. It may be down or slow, or the network to it is; what was stored is kept and the next run resumes there.",
                exception),
            AshbyRateLimitedException r => new(AshbyFailureKind.RateLimited,
                $"Ashby kept rate-limiting the key on {endpoint}{(r.RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $" (retry after {wait.TotalSeconds:0} s)") : "")}. The next run resumes there; if it keeps happening, sync less often or give this hub a key of its own.",
                exception),
            AshbyAuthenticationException => new(AshbyFailureKind.KeyRefused,
                $"Ashby refused the API key ({exception.Message}). Check it in Ashby (Admin > API Keys) or enter a new one with 'ashbridge connection set-key'.",
                exception),
            AshbyPermissionException => new(AshbyFailureKind.PermissionMissing, exception.Message, exception),
            AshbyNotFoundException => new(AshbyFailureKind.NotFound, exception.Message, exception),
            AshbySyncRestartRequiredException => new(AshbyFailureKind.SyncRestartRequired, exception.Message, exception),
            AshbyInvalidInputException => new(AshbyFailureKind.InvalidInput, exception.Message, exception),
            _ => new(AshbyFailureKind.Failed, exception.Message, exception),
        };
    }

    private static string Cause(AshbyApiException exception) => exception.InnerException switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "its host name did not resolve",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "the connection was refused",
        _ => "the connection dropped before the answer arrived",
    };

    private static string Within(TimeSpan? timeout) =>
        timeout is { } t && t != Timeout.InfiniteTimeSpan ? string.Create(CultureInfo.InvariantCulture, $" within {t.TotalSeconds:0.#} s") : " in time";
}
