using System.Net;
using System.Text.Json;

namespace Ashbridge.Ashby;

/// <summary>
/// An Ashby call failed: a <c>success:false</c> envelope (also on HTTP 200), an HTTP error, an unreadable body,
/// a timeout or a dropped connection. Subclasses exist for the cases callers branch on.
/// Messages never contain the API key.
/// </summary>
public class AshbyApiException : Exception
{
    /// <summary>Creates an exception.</summary>
    public AshbyApiException()
        : this("The Ashby API call failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public AshbyApiException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyApiException(string message, Exception? innerException)
        : this(message, new AshbyErrorData(), innerException)
    {
    }

    internal AshbyApiException(string message, AshbyErrorData data, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = data.StatusCode;
        ErrorCode = data.ErrorCode;
        Endpoint = data.Endpoint;
        RequestId = data.RequestId;
        Errors = data.Errors;
        Warnings = data.Warnings;
        Meta = data.Meta;
        IsTransient = data.IsTransient;
        ServerMessage = data.ServerMessage;
    }

    /// <summary>The HTTP status, or <see langword="null"/> when no response arrived (timeout, dropped connection).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Ashby's <c>errorInfo.code</c> (see <see cref="AshbyErrorCodes"/>), if any.</summary>
    public string? ErrorCode { get; }

    /// <summary>The endpoint called, e.g. <c>candidate.list</c>.</summary>
    public string? Endpoint { get; }

    /// <summary>Ashby's <c>errorInfo.requestId</c>; quote it to Ashby support.</summary>
    public string? RequestId { get; }

    /// <summary>The envelope's <c>errors</c> entries (strings or <c>{message, parameter}</c> objects).</summary>
    public IReadOnlyList<AshbyErrorDetail> Errors { get; }

    /// <summary>The envelope's <c>warnings</c>, if any.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Ashby's <c>errorInfo.message</c>, if any (key redacted).</summary>
    public string? ServerMessage { get; }

    /// <summary>Ashby's <c>errorInfo.meta</c> object, if any.</summary>
    public JsonElement? Meta { get; }

    /// <summary>Whether repeating the same request later may succeed (429, 5xx, timeouts, dropped connections).</summary>
    public bool IsTransient { get; }
}

/// <summary>The API key is missing (HTTP 401) or wrong/deactivated (HTTP 403).</summary>
public sealed class AshbyAuthenticationException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyAuthenticationException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyAuthenticationException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyAuthenticationException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbyAuthenticationException(string message, AshbyErrorData data)
        : base(message, data)
    {
        IsKeyMissing = data.StatusCode == HttpStatusCode.Unauthorized;
    }

    /// <summary><see langword="true"/> for HTTP 401 (no key sent); <see langword="false"/> for HTTP 403 (key wrong or deactivated).</summary>
    public bool IsKeyMissing { get; }
}

/// <summary>The key lacks the module permission the endpoint needs (<c>missing_endpoint_permission</c>).</summary>
public sealed class AshbyPermissionException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyPermissionException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyPermissionException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyPermissionException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbyPermissionException(string message, AshbyErrorData data, AshbyPermissionRequirement? permission)
        : base(message, data)
    {
        RequiredPermission = permission;
    }

    /// <summary>The permission the endpoint needs, from <see cref="AshbyPermissions"/>, when the endpoint is known.</summary>
    public AshbyPermissionRequirement? RequiredPermission { get; }
}

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

/// <summary>Ashby rejected the request body (<c>invalid_input</c> or <c>{message, parameter}</c> errors).</summary>
public sealed class AshbyInvalidInputException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyInvalidInputException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyInvalidInputException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyInvalidInputException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbyInvalidInputException(string message, AshbyErrorData data)
        : base(message, data)
    {
        Parameters = [.. data.Errors.Select(e => e.Parameter).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The request parameters Ashby named as invalid (may be empty).</summary>
    public IReadOnlyList<string> Parameters { get; } = [];
}

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

/// <summary>
/// The sync token or cursor can no longer be used (<c>sync_token_expired</c>, <c>sync_token_invalid</c>,
/// <c>incremental_sync_too_large</c>, <c>next_cursor_expired</c>, <c>invalid_next_cursor</c>):
/// drop the stored token and run a full pass.
/// </summary>
public sealed class AshbySyncRestartRequiredException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbySyncRestartRequiredException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbySyncRestartRequiredException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbySyncRestartRequiredException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbySyncRestartRequiredException(string message, AshbyErrorData data) : base(message, data) { }
}

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
