using System.Threading.Channels;
using System.Data.Common;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Webhooks;

namespace Ashbridge.Server.Webhooks;

/// <summary>
/// Group commit for the intake: deliveries that arrive while one transaction is being written wait for the next, which
/// stores them all at once. Each request still gets its answer only after its own event is durable, but a burst costs
/// one write (and one lock on SQLite) instead of one per delivery. A request that gives up waiting (the intake's time
/// budget) leaves the queue: its delivery is answered 503 and not written. One already being written may still be
/// committed, and Ashby's retry is then answered as a duplicate.
/// </summary>
public sealed class WebhookWriter : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(4096) { SingleReader = true });
    private readonly WebhookInbox _inbox;
    private readonly WebhookSignal _signal;
    private readonly AshbridgeDatabase _database;

    public WebhookWriter(WebhookInbox inbox, WebhookSignal signal, AshbridgeDatabase database)
    {
        _inbox = inbox;
        _signal = signal;
        _database = database;
    }

    /// <summary>Stores the delivery with whatever else is waiting; completes once it is committed.</summary>
    public async Task<IntakeOutcome> StoreAsync(long connectionId, WebhookDelivery delivery, string body, WebhookEventState state, CancellationToken cancellationToken)
    {
        var pending = new Pending(connectionId, delivery, body, state, new TaskCompletionSource<IntakeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
            return await pending.Done.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            pending.Done.TrySetCanceled(cancellationToken); // still queued: the writer skips it
            throw;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        DbConnection? connection = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    if (!next.Done.Task.IsCompleted) batch.Add(next);
                }

                if (batch.Count == 0) continue;
                try
                {
                    if (connection is null)
                    {
                        connection = await _database.ConnectWithoutCheckpointsAsync(stoppingToken); // WalCheckpointing does them, off the request path
                        // A write lock held elsewhere (a sync's transaction, another process) fails the batch after a few
                        // seconds, within Ashby's patience, instead of the half minute other connections wait.
                        await WebhookInbox.BoundLockWaitAsync(connection, stoppingToken);
                    }

                    var outcomes = await _inbox.StoreManyAsync(connection, [.. batch.Select(p => (p.ConnectionId, p.Delivery, p.Body, p.State))], stoppingToken);
                    for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
                    if (batch.Any(p => p.State == WebhookEventState.Pending)) _signal.Notify();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Nothing of the batch was stored: every request answers 503 and Ashby retries it. The next batch
                    // starts on a fresh connection, in case this one is what broke.
                    foreach (var p in batch) p.Done.TrySetException(ex);
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();

            // Shutting down: whoever still waits gets a 503, so Ashby retries against the next start.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left)) left.Done.TrySetCanceled(stoppingToken);
            foreach (var p in batch) p.Done.TrySetCanceled(stoppingToken);
        }
    }

    private sealed record Pending(long ConnectionId, WebhookDelivery Delivery, string Body, WebhookEventState State, TaskCompletionSource<IntakeOutcome> Done);
}
