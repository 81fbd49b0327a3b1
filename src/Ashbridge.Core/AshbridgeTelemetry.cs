using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ashbridge.Core;

/// <summary>
/// Ashbridge's traces and metrics, under one name for OpenTelemetry (<c>AddSource</c> / <c>AddMeter</c>
/// "Ashbridge"): a span per sync pass and per webhook batch, rows written per stream, deliveries by outcome.
/// </summary>
public static class AshbridgeTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Ashbridge";

    /// <summary>Spans: <c>sync.run</c>, <c>webhooks.process</c>.</summary>
    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> SyncRows = Meter.CreateCounter<long>(
        "ashbridge.sync.rows", "{row}", "Rows a sync pass wrote, by connection, stream and kind (new, changed, deleted).");

    private static readonly Histogram<double> SyncDuration = Meter.CreateHistogram<double>(
        "ashbridge.sync.duration", "s", "How long a sync pass took, by connection, trigger and outcome.");

    private static readonly Counter<long> WebhooksReceived = Meter.CreateCounter<long>(
        "ashbridge.webhooks.received", "{delivery}", "Webhook deliveries by connection (\"(unknown)\" for a name that is none) and outcome: stored, duplicate, unsigned, forged, unknown_connection, unknown_limited, over_cap, unavailable.");

    private static readonly Counter<long> WebhooksSettled = Meter.CreateCounter<long>(
        "ashbridge.webhooks.settled", "{event}", "Webhook events by how processing left them: processed, retry, dead.");

    /// <summary>Records a finished pass.</summary>
    public static void RecordSync(string connection, Sync.SyncRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var outcome = run.Outcome.ToString().ToLowerInvariant();
        SyncDuration.Record((run.Duration ?? TimeSpan.Zero).TotalSeconds,
            new("ashbridge.connection", connection), new("ashbridge.trigger", run.Trigger), new("ashbridge.outcome", outcome));
        foreach (var stream in run.Streams)
        {
            Add(connection, stream.Stream, "new", stream.New);
            Add(connection, stream.Stream, "changed", stream.Changed);
            Add(connection, stream.Stream, "deleted", stream.Deleted);
        }
    }

    /// <summary>Records what the intake answered a delivery.</summary>
    public static void RecordWebhookReceived(string connection, string outcome) =>
        WebhooksReceived.Add(1, new("ashbridge.connection", connection), new("ashbridge.outcome", outcome));

    /// <summary>Records how processing left some events.</summary>
    public static void RecordWebhooksSettled(long connectionId, string outcome, int count) =>
        WebhooksSettled.Add(count, new("ashbridge.connection_id", connectionId), new("ashbridge.outcome", outcome));

    private static void Add(string connection, string stream, string kind, long rows)
    {
        if (rows > 0) SyncRows.Add(rows, new("ashbridge.connection", connection), new("ashbridge.stream", stream), new("ashbridge.kind", kind));
    }
}
