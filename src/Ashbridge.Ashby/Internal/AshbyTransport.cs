using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Ashbridge.Ashby;

/// <summary>Sends one Ashby call: auth, headers, resilience, envelope and errors.</summary>
internal sealed class AshbyTransport
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly HttpClient _http;
    private readonly AshbyClientOptions _options;
    private readonly string _apiKey;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _baseUrl;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _readPipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _writePipeline;
    private readonly Action<string, AshbyVersionInfo> _onVersion;

    public AshbyTransport(HttpClient http, AshbyClientOptions options, Action<string, AshbyVersionInfo> onVersion)
    {
        _http = http;
        _options = options;
        _apiKey = options.ApiKey!;
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_apiKey + ":")));
        _baseUrl = options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/";
        _logger = options.LoggerFactory?.CreateLogger("Ashbridge.Ashby.AshbyClient") ?? NullLogger.Instance;
        _onVersion = onVersion;
        _readPipeline = BuildPipeline(isWrite: false);
        _writePipeline = BuildPipeline(isWrite: true);
    }

    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>Removes the API key from text that came from the server (defence in depth).</summary>
    public string? Redact(string? text) =>
        text is null || _apiKey.Length == 0 ? text : text.Replace(_apiKey, "[redacted]", StringComparison.Ordinal);

    public Task<AshbyEnvelope> SendAsync(string endpoint, JsonObject? body, AshbyRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        byte[] bytes;
        if (body is null || body.Count == 0)
        {
            bytes = EmptyObject;
        }
        else
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                body.WriteTo(writer);
            }

            bytes = buffer.ToArray();
        }

        return SendAsync(endpoint, bytes, requestOptions, cancellationToken);
    }

    public async Task<AshbyEnvelope> SendAsync(string endpoint, ReadOnlyMemory<byte> body, AshbyRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        var content = body.IsEmpty ? EmptyObject : body.ToArray();
        var isWrite = !AshbyPermissions.IsSafeRead(endpoint);
        var pipeline = isWrite ? _writePipeline : _readPipeline;
        var uri = new Uri(_baseUrl + endpoint.TrimStart('/'), UriKind.Absolute);
        var version = requestOptions?.AshbyVersion ?? _options.AshbyVersion;

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(EndpointKey, endpoint);
        if (requestOptions?.MaxRetries is { } maxRetries)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(maxRetries, nameof(requestOptions));
            context.Properties.Set(MaxRetriesKey, maxRetries);
        }

        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, state.uri);
                    request.Headers.Authorization = state.self._authorization;
                    request.Headers.Accept.Add(AcceptJson);
                    request.Headers.UserAgent.Add(new ProductInfoHeaderValue(state.self._options.UserAgent, null));
                    if (state.version is not null)
                    {
                        request.Headers.TryAddWithoutValidation("Ashby-Version", state.version);
                    }

                    request.Content = new ByteArrayContent(state.content);
                    request.Content.Headers.ContentType = JsonMediaType;
                    var answer = await state.self._http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext);
                    try
                    {
                        // Read inside the attempt, so that its timeout and the retries cover the body as well.
                        answer.Content = await BufferedBody.ReadAsync(answer.Content, ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext);
                        return answer;
                    }
                    catch
                    {
                        answer.Dispose();
                        throw;
                    }
                },
                context,
                (self: this, uri, content, version)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw AshbyErrorFactory.Transport(endpoint, ex, timedOut: true, _options.AttemptTimeout, isWrite);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout of a caller-supplied HttpClient.
            throw AshbyErrorFactory.Transport(endpoint, ex, timedOut: true, _http.Timeout, isWrite);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw AshbyErrorFactory.Transport(endpoint, ex, timedOut: false, _options.AttemptTimeout, isWrite);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            ReportVersion(endpoint, response);
            var bytes = ((BufferedBody)response.Content).Bytes;
            if (response.IsSuccessStatusCode && AshbyEnvelope.IsSuccess(bytes))
            {
                return new AshbyEnvelope(bytes);
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            JsonElement? root = null;
            Exception? parseError = null;
            if (bytes.Length > 0)
            {
                try
                {
                    using var doc = JsonDocument.Parse(bytes);
                    root = doc.RootElement.Clone();
                }
                catch (JsonException ex)
                {
                    parseError = ex;
                }
            }

            var status = response.StatusCode;
            var isEnvelope = root is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("success", out _);
            if (!isEnvelope && response.IsSuccessStatusCode)
            {
                throw AshbyErrorFactory.Unreadable(endpoint, status, mediaType, parseError);
            }

            if (!isEnvelope && status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
            {
                throw AshbyErrorFactory.Unreadable(endpoint, status, mediaType, parseError);
            }

            var retryAfter = RetryAfter.Read(response.Headers, _options.TimeProvider.GetUtcNow());
            var scope = response.Headers.TryGetValues("X-RateLimit-Scope", out var scopes) ? scopes.FirstOrDefault() : null;
            throw AshbyErrorFactory.FromResponse(endpoint, status, isEnvelope ? root : null, mediaType, retryAfter, scope, Redact);
        }
    }

    private static readonly ResiliencePropertyKey<string> EndpointKey = new("Ashbridge.Ashby.Endpoint");
    private static readonly ResiliencePropertyKey<int> MaxRetriesKey = new("Ashbridge.Ashby.MaxRetries");

    private void ReportVersion(string endpoint, HttpResponseMessage response)
    {
        var version = response.Headers.TryGetValues("Ashby-Version", out var v) ? v.FirstOrDefault() : null;
        var status = response.Headers.TryGetValues("Ashby-Version-Status", out var st) ? st.FirstOrDefault() : null;
        if (version is null && status is null)
        {
            return;
        }

        var info = new AshbyVersionInfo(version, status?.Trim().ToLowerInvariant());
        if (info.NeedsAttention)
        {
            Log.VersionWarning(_logger, info.Version, info.Status, endpoint);
        }

        _onVersion(endpoint, info);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(bool isWrite)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _options.TimeProvider };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.AttemptNumber < args.Context.Properties.GetValue(MaxRetriesKey, int.MaxValue) && ShouldRetry(args.Outcome, isWrite)),
                DelayGenerator = args =>
                {
                    if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } r
                        && RetryAfter.Read(r.Headers, _options.TimeProvider.GetUtcNow()) is { } wait)
                    {
                        return ValueTask.FromResult<TimeSpan?>(wait);
                    }

                    return ValueTask.FromResult<TimeSpan?>(null);
                },
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception is { } ex ? ex.GetType().Name : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    var endpoint = args.Context.Properties.GetValue(EndpointKey, "?");
                    Log.Retrying(_logger, endpoint, args.AttemptNumber + 1, reason, args.RetryDelay);
                    return default;
                },
            });
        }

        if (_options.RequestLimiter is { } limiter)
        {
            // Inside the retry, so every attempt (each retry too) takes a permit; outside the timeout, so queueing
            // for a permit does not eat into the attempt's time. The options' owner disposes the limiter, not us.
            builder.AddRateLimiter(limiter);
        }

        if (_options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.AttemptTimeout);
        }

        return builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool isWrite)
    {
        if (outcome.Result is { } response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // 429: the request provably did not run, so writes are safe too; but a long Retry-After goes back to the caller.
                var wait = RetryAfter.Read(response.Headers, _options.TimeProvider.GetUtcNow());
                return wait is null || wait <= _options.MaxRetryAfter;
            }

            return !isWrite && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout);
        }

        return outcome.Exception switch
        {
            // Could not connect at all: nothing reached Ashby, safe even for writes.
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or IOException or TimeoutRejectedException => !isWrite,

            // The shared RequestLimiter refused a permit: this process is over the key's budget; the caller decides.
            RateLimiterRejectedException => false,
            _ => false,
        };
    }
}
