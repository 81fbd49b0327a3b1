using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Sync;

public sealed class SyncTelemetryTests
{
    [Fact]
    public async Task A_pass_emits_a_span_and_the_rows_it_wrote_as_metrics()
    {
        var spans = new List<Activity>();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == AshbridgeTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AshbridgeTelemetry.Name && instrument.Name == "ashbridge.sync.rows") listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? stream = null, kind = null, connection = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "ashbridge.stream") stream = tag.Value as string;
                else if (tag.Key == "ashbridge.kind") kind = tag.Value as string;
                else if (tag.Key == "ashbridge.connection") connection = tag.Value as string;
            }

            if (connection != "acme") return; // other tests' passes in this process
            lock (rows) rows[$"{stream}/{kind}"] = rows.GetValueOrDefault($"{stream}/{kind}") + value;
        });
        meters.Start();
        await using var h = await SyncHarness.StartAsync(DatabaseProvider.Sqlite);

        var run = await h.SyncAsync(SyncMode.Full);

        var span = spans.Single(a => a.OperationName == "sync.run" && (string?)a.GetTagItem("ashbridge.connection") == "acme" && (string?)a.GetTagItem("ashbridge.mode") == "full");
        span.GetTagItem("ashbridge.outcome").ShouldBe("succeeded");
        rows["candidates/new"].ShouldBe(run.Streams.Single(s => s.Stream == "candidates").New);
        rows["applications/new"].ShouldBe(run.Streams.Single(s => s.Stream == "applications").New);
    }
}
