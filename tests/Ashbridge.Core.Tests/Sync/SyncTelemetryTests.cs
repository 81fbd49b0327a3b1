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
        var name = $"telemetry-{Guid.NewGuid():N}"; // listeners are process-wide: this pass's own name tells its figures apart
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

            if (connection != name) return; // other tests' passes in this process report too
            lock (rows) rows[$"{stream}/{kind}"] = rows.GetValueOrDefault($"{stream}/{kind}") + value;
        });
        meters.Start();
        await using var h = await SyncHarness.StartAsync(DatabaseProvider.Sqlite);

        var run = await h.Engine.RunAsync(h.ConnectionId, name, h.Client, new SyncRequest(SyncMode.Full, "test"), null, TestContext.Current.CancellationToken);

        Activity span;
        lock (spans) span = spans.Single(a => a.OperationName == "sync.run" && (string?)a.GetTagItem("ashbridge.connection") == name);
        span.GetTagItem("ashbridge.outcome").ShouldBe("succeeded");
        span.GetTagItem("ashbridge.mode").ShouldBe("full");
        rows["candidates/new"].ShouldBe(run.Streams.Single(s => s.Stream == "candidates").New);
        rows["applications/new"].ShouldBe(run.Streams.Single(s => s.Stream == "applications").New);
    }
}
