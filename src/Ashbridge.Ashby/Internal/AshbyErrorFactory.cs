using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Ashbridge.Ashby;

/// <summary>Turns a failed response into the right <see cref="AshbyApiException"/>.</summary>
internal static class AshbyErrorFactory
{
    private const string KeyAdvice = "Ashby Admin › Integrations › API keys";

    public static AshbyApiException FromResponse(
        string endpoint, HttpStatusCode status, JsonElement? root, string? mediaType, TimeSpan? retryAfter, string? rateLimitScope, Func<string?, string?> redact)
    {
        string? code = null, serverMessage = null, requestId = null;
        JsonElement? meta = null;
        var errors = new List<AshbyErrorDetail>();
        IReadOnlyList<string> warnings = [];

        if (root is { ValueKind: JsonValueKind.Object } r)
        {
            if (r.TryGetProperty("errorInfo", out var info) && info.ValueKind == JsonValueKind.Object)
            {
                code = ReadString(info, "code");
                serverMessage = redact(ReadString(info, "message"));
                requestId = ReadString(info, "requestId");
                if (info.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object)
                {
                    meta = m.Clone();
                }
            }

            if (r.TryGetProperty("errors", out var errs) && errs.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in errs.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.String)
                    {
                        errors.Add(new AshbyErrorDetail(redact(e.GetString()) ?? string.Empty));
                    }
                    else if (e.ValueKind == JsonValueKind.Object)
                    {
                        errors.Add(new AshbyErrorDetail(redact(ReadString(e, "message")) ?? e.GetRawText(), ReadString(e, "parameter")));
                    }
                }
            }

            warnings = new AshbyEnvelope(r).Warnings;
        }

        // Without errorInfo, a lone snake_case string in errors[] is the code (older shape).
        if (code is null && errors.Count == 1 && errors[0].Parameter is null && IsCodeLike(errors[0].Message))
        {
            code = errors[0].Message;
        }

        var isRateLimited = status == HttpStatusCode.TooManyRequests
            || code is AshbyErrorCodes.RateLimitExceeded or AshbyErrorCodes.ConcurrentLimitExceeded;
        var isTransient = isRateLimited || (int)status >= 500 || status == HttpStatusCode.RequestTimeout;

        var data = new AshbyErrorData
        {
            StatusCode = status,
            ErrorCode = code,
            Endpoint = endpoint,
            RequestId = requestId,
            ServerMessage = serverMessage,
            Errors = errors,
            Warnings = warnings,
            Meta = meta,
            IsTransient = isTransient,
            RetryAfter = retryAfter,
            RateLimitScope = rateLimitScope,
        };

        var detail = Detail(data, root is null, mediaType);

        if (isRateLimited)
        {
            var wait = retryAfter is { } ra
                ? string.Create(CultureInfo.InvariantCulture, $"retry after {ra.TotalSeconds:0.#} s")
                : "retry later with backoff";
            var scope = rateLimitScope is null ? string.Empty : $" (scope: {rateLimitScope})";
            return new AshbyRateLimitedException($"Ashby rate-limited {endpoint}{scope}; {wait}.{detail}", data);
        }

        if (code == AshbyErrorCodes.MissingEndpointPermission)
        {
            var permission = AshbyPermissions.ForEndpoint(endpoint);
            var what = permission is null
                ? $"the key lacks the permission {endpoint} needs"
                : $"the key lacks {permission.Describe()}";
            var scope = permission is null ? string.Empty : $" (apiKey.info scope {permission.Scope})";
            return new AshbyPermissionException(
                $"Ashby refused {endpoint}: {what}; enable it{scope} in {KeyAdvice}.{detail}", data, permission);
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            return new AshbyAuthenticationException(
                $"Ashby refused {endpoint} with HTTP 401: no API key reached Ashby. Set AshbyClientOptions.ApiKey; it is sent as the HTTP Basic user name with an empty password.{detail}", data);
        }

        if (status == HttpStatusCode.Forbidden)
        {
            return new AshbyAuthenticationException(
                $"Ashby refused {endpoint} with HTTP 403: the API key is wrong or deactivated. Check or recreate it in {KeyAdvice}.{detail}", data);
        }

        if (AshbyErrorCodes.RequiresSyncRestart(code))
        {
            var what = code is AshbyErrorCodes.NextCursorExpired or AshbyErrorCodes.InvalidNextCursor ? "cursor" : "sync token";
            return new AshbySyncRestartRequiredException(
                $"Ashby cannot continue {endpoint} ({code}): the {what} can no longer be used. Discard the stored sync token and run a full sync (a request without syncToken or cursor).{detail}", data);
        }

        if (AshbyErrorCodes.IsNotFound(code))
        {
            return new AshbyNotFoundException(
                $"Ashby found nothing for {endpoint} ({code}). Check the id; the object may have been deleted or merged, or the key may not see confidential jobs.{detail}", data);
        }

        if (code == AshbyErrorCodes.InvalidInput || (code is null && errors.Any(e => e.Parameter is not null)))
        {
            var parameters = errors.Select(e => e.Parameter).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var named = parameters.Count == 0 ? string.Empty : $" (parameters: {string.Join(", ", parameters)})";
            return new AshbyInvalidInputException(
                $"Ashby rejected the {endpoint} request as invalid input{named}; fix the request.{detail}", data);
        }

        var head = (int)status is >= 200 and < 300
            ? $"Ashby answered {endpoint} with success:false{(code is null ? string.Empty : $" ({code})")}."
            : $"Ashby answered {endpoint} with HTTP {(int)status} {status}{(code is null ? string.Empty : $" ({code})")}.";
        var advice = isTransient ? " This is usually temporary; retry later." : string.Empty;
        return new AshbyApiException(head + advice + detail, data);
    }

    public static AshbyApiException Unreadable(string endpoint, HttpStatusCode status, string? mediaType, Exception? inner)
    {
        var transient = (int)status >= 500 || status == HttpStatusCode.TooManyRequests;
        var data = new AshbyErrorData { StatusCode = status, Endpoint = endpoint, IsTransient = transient };
        var type = mediaType ?? "no content type";
        var advice = transient ? " This is usually a temporary outage or proxy error; retry later." : " Check AshbyClientOptions.BaseUrl points at the Ashby API.";
        return new AshbyApiException(
            $"Ashby answered {endpoint} with HTTP {(int)status} {status} and a body that is not an Ashby JSON envelope ({type}).{advice}", data, inner);
    }

    public static AshbyApiException Transport(string endpoint, Exception inner, bool timedOut, TimeSpan attemptTimeout, bool isWrite)
    {
        var data = new AshbyErrorData { Endpoint = endpoint, IsTransient = true };
        var what = timedOut
            ? string.Create(CultureInfo.InvariantCulture, $"timed out after {attemptTimeout.TotalSeconds:0.#} s")
            : $"got no answer from Ashby ({Cause(inner)})";
        var write = isWrite
            ? " It is a write and was not retried: it may or may not have been applied, so read the object back before repeating it."
            : " It was retried as far as AshbyClientOptions.MaxRetries allows; check that AshbyClientOptions.BaseUrl is right and Ashby can be reached from here (network, proxy, firewall).";
        var message = $"The Ashby request {endpoint} {what}.{write}";
        return timedOut
            ? new AshbyTimeoutException(message, data, inner, attemptTimeout)
            : new AshbyUnreachableException(message, data, inner);
    }

    /// <summary>Why no answer came, in words: the socket error when there is one.</summary>
    private static string Cause(Exception inner) => inner switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name did not resolve",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "the connection was refused or could not be made",
        _ => "the connection was dropped or reset before the whole response arrived",
    };

    public static AshbyApiException Shape(string endpoint, Exception inner) =>
        new($"Ashby's response to {endpoint} did not have the expected shape: {inner.Message}",
            new AshbyErrorData { Endpoint = endpoint }, inner);

    private static string Detail(AshbyErrorData data, bool unparsed, string? mediaType)
    {
        var sb = new StringBuilder();
        if (data.ServerMessage is { Length: > 0 } m)
        {
            sb.Append(" Ashby says: ").Append(m.TrimEnd('.')).Append('.');
        }
        else if (data.Errors.Count > 0)
        {
            sb.Append(" Errors: ").AppendJoin("; ", data.Errors.Select(e => e.Parameter is null ? e.Message : $"{e.Parameter}: {e.Message}")).Append('.');
        }
        else if (unparsed)
        {
            sb.Append(" The body was not an Ashby JSON envelope (").Append(mediaType ?? "no content type").Append(").");
        }

        if (data.RequestId is { } id)
        {
            sb.Append(" Request id: ").Append(id).Append(" (quote it to Ashby support).");
        }

        return sb.ToString();
    }

    private static bool IsCodeLike(string s) =>
        s.Length is > 0 and < 80 && s.All(c => c is (>= 'a' and <= 'z') or '_' or (>= '0' and <= '9'));

    private static string? ReadString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
