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
