using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashbridge.Core.Outbound;

/// <summary>
/// Sends due deliveries to the outbound endpoint, signed (see <see cref="OutboundSignature"/>). A 2xx answer delivers;
/// anything else, or no answer, is retried with growing waits (30 s, 2 min, 8 min … up to 6 h) until
/// <see cref="MaxAttempts"/>, then the delivery is failed and waits for an admin's "send again".
/// </summary>
public sealed partial class OutboundDispatcher(OutboundDeliveries deliveries, HttpClient http, TimeProvider timeProvider, ILogger<OutboundDispatcher>? logger = null)
{
    public const int MaxAttempts = 10;

    private readonly TimeProvider _time = timeProvider;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Sends what is due; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        if (await deliveries.DueAsync(50, cancellationToken).ConfigureAwait(false) is not { } batch) return 0;
        foreach (var due in batch.Due)
        {
            var attempts = due.Attempts + 1;
            int? status = null;
            string? error;
            try
            {
                var body = Encoding.UTF8.GetBytes(due.Payload);
                using var request = new HttpRequestMessage(HttpMethod.Post, batch.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add(OutboundSignature.Header, OutboundSignature.Sign(batch.Secret, _time.GetUtcNow().ToUnixTimeSeconds(), body));
                request.Headers.Add("Ashbridge-Event", due.EventType);
                request.Headers.Add("Ashbridge-Delivery", due.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                error = response.IsSuccessStatusCode ? null : $"The endpoint answered {status} {response.ReasonPhrase}.";
            }
            // The customer's own endpoint, called with a plain HttpClient: its transport errors are ours to read. Ashby's
            // never reach Core as such (the client turns them into AshbyApiException); the error-contract test allows this file only.
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = $"The endpoint could not be reached: {ex.Message}";
            }

            var delivered = error is null;
            var retryAt = delivered || attempts >= MaxAttempts ? (DateTimeOffset?)null : _time.GetUtcNow() + Backoff(attempts);
            await deliveries.RecordAsync(due.Id, attempts, status, error, delivered, retryAt, cancellationToken).ConfigureAwait(false);
            if (!delivered) Failed(_logger, due.Id, attempts, error!);
        }

        return batch.Due.Count;
    }

    /// <summary>When the next delivery is due (<see langword="null"/>: nothing waits).</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default) => deliveries.NextDueAsync(cancellationToken);

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(6 * 3600, 30 * Math.Pow(4, attempts - 1)));

    [LoggerMessage(1, LogLevel.Warning, "Outbound delivery {DeliveryId} failed (attempt {Attempts}): {Error}")]
    private static partial void Failed(ILogger logger, long deliveryId, int attempts, string error);
}
