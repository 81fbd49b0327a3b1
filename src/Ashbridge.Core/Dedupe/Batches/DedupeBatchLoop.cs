using Ashbridge.Core.Queues;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// The hub's background runs of batches, as a durable queue: the batches queued (and those left running by a process
/// that is gone, or whose lease expired) are run one at a time, oldest first. Woken when a batch is queued.
/// </summary>
public sealed class DedupeBatchLoop(AshbridgeDatabase database, DedupeBatches batches, DedupeBatchRunner runner, TimeProvider time) : IQueueProcessor
{
    /// <inheritdoc />
    public string Name => "dedupe batches";

    /// <inheritdoc />
    public QueueSignal Wake => batches.Queued;

    /// <inheritdoc />
    public QueuePacing Pacing { get; } = new(TimeSpan.Zero, TimeSpan.FromSeconds(30));

    /// <inheritdoc />
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        var ran = 0;
        foreach (var id in await DueAsync(cancellationToken).ConfigureAwait(false))
        {
            var result = await runner.RunAsync(id, null, cancellationToken).ConfigureAwait(false);
            if (!result.AlreadyRunning) ran++;
        }

        return ran;
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var lease = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MIN(lease_ms) FROM dedupe_batches WHERE state = @running", new { running = DedupeBatchState.Running }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return lease is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private async Task<List<long>> DueAsync(CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        // A running batch is due when its lease ran out; the runner also takes over one whose process died on this machine.
        return [.. await db.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM dedupe_batches WHERE state = @queued OR (state = @running AND (lease_ms IS NULL OR lease_ms < @now)) ORDER BY id",
            new { queued = DedupeBatchState.Queued, running = DedupeBatchState.Running, now = time.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }
}
