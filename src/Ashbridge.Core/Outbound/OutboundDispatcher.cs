using System.Net.Http.Headers;
using System.Text;
using Ashbridge.Core.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashbridge.Core.Outbound;

/// <summary>
/// Sends due deliveries to the outbound endpoint, signed (see <see cref="OutboundSignature"/>). A 2xx answer delivers;
/// anything else, or no answer, is retried on <see cref="Retries"/> (30 s, 2 min, 8 min … up to 6 h), then the delivery
/// is failed and waits for an admin's "send again". The outbound side of the durable queue pattern
/// (<see cref="IQueueProcessor"/>, run by <see cref="QueueLoop"/>).
/// </summary>
public sealed partial class OutboundDispatcher(OutboundDeliveries deliveries, HttpClient http, TimeProvider timeProvider, ILogger<OutboundDispatcher>? logger = null)
    : IQueueProcessor
{
    /// <summary>Waits of 30 s, 2 min, 8 min … up to 6 h; the tenth failed attempt fails the delivery.</summary>
    public static readonly RetrySchedule Retries = new(TimeSpan.FromSeconds(30), 4, TimeSpan.FromHours(6), MaxAttempts: 10);

    private const int BatchSize = 50;
    private readonly TimeProvider _time = timeProvider;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <inheritdoc/>
    public string Name => "outbound deliveries";

    /// <inheritdoc/>
    public QueueSignal Wake => deliveries.Wake;

    /// <summary>Sends batch after batch while any is due (no gathering: deliveries are few), and looks again at least every minute.</summary>
    public QueuePacing Pacing { get; } = new(TimeSpan.Zero, TimeSpan.FromMinutes(1));

    /// <summary>Sends what is due; returns how many were attempted.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        if (await deliveries.DueAsync(BatchSize, cancellationToken).ConfigureAwait(false) is not { } batch) return 0;
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

            if (error is null)
            {
                await deliveries.RecordDeliveredAsync(due.Id, attempts, status!.Value, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await deliveries.RecordFailedAsync(due.Id, attempts, status, error, Retries.RetryAt(_time.GetUtcNow(), attempts), cancellationToken).ConfigureAwait(false);
            Failed(_logger, due.Id, attempts, error);
        }

        return batch.Due.Count;
    }

    /// <inheritdoc/>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default) => deliveries.NextDueAsync(cancellationToken);

    [LoggerMessage(1, LogLevel.Warning, "Outbound delivery {DeliveryId} failed (attempt {Attempts}): {Error}")]
    private static partial void Failed(ILogger logger, long deliveryId, int attempts, string error);
}
