using System.Data.Common;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Storage.Dialects;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Core.Sync;

/// <summary>
/// Checkpoints a sync run's WAL (SQLite) on a connection of its own, beside the writer rather than inside its commits.
/// A checkpoint syncs the WAL to disk, copies it into the database and syncs that; inside a commit, SQLite's automatic
/// checkpoint held the writer for all of it, mostly waiting for the disk (figures: docs/benchmarks/mirror.md).
/// Here every <see cref="EveryFrames"/> pages the writer writes wake a checkpoint beside it, and the writer waits only
/// once <see cref="CatchUpFrames"/> pages have gone into the WAL since it last started over: it lets a checkpoint copy
/// the rest, so that its next transaction starts the WAL from the beginning and the file stays bounded. PostgreSQL
/// needs none.
/// </summary>
internal sealed class RunCheckpointer : IAsyncDisposable
{
    /// <summary>Pages (8 KB) the writer writes between checkpoints beside it: 80 MB.</summary>
    public const long EveryFrames = 10_000;

    /// <summary>WAL pages past which the writer waits for the copy to catch up: 160 MB.</summary>
    public const long CatchUpFrames = 20_000;

    /// <summary>The WAL file's size after a checkpoint (<c>journal_size_limit</c>, 64 MB) in 8 KB pages.</summary>
    public const long KeptFrames = 8_192;

    private readonly long _everyFrames;
    private readonly long _catchUpFrames;
    private readonly long _keptFrames;

    private readonly AshbridgeDatabase _database;
    private readonly ILogger _logger;
    private readonly ICheckpointing _checkpointing;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _written;
    private long _woken;
    private long _walStart;

    /// <summary>Opened at the first checkpoint, so the small passes webhooks trigger never open it.</summary>
    private DbConnection? _connection;

    /// <summary>Starts checkpointing for a run on SQLite; on PostgreSQL it does nothing.</summary>
    public RunCheckpointer(AshbridgeDatabase database, ILogger logger, long everyFrames = EveryFrames, long catchUpFrames = CatchUpFrames, long keptFrames = KeptFrames)
    {
        ArgumentNullException.ThrowIfNull(database);
        _everyFrames = everyFrames;
        _catchUpFrames = catchUpFrames;
        _keptFrames = keptFrames;
        _database = database;
        _logger = logger;
        _checkpointing = database.Dialect.Checkpointing;
        _loop = _checkpointing.Needed ? Task.Run(LoopAsync) : Task.CompletedTask;
    }

    /// <summary>
    /// The writer committed: every <see cref="EveryFrames"/> pages it wrote wake a checkpoint beside it; past
    /// <see cref="CatchUpFrames"/> since the WAL last started over, the writer waits for one that copies everything.
    /// </summary>
    public async Task CommittedAsync(DbConnection db, CancellationToken cancellationToken)
    {
        if (!_checkpointing.Needed) return;
        _written += _checkpointing.TakePagesWritten(db);
        if (_written - _woken >= _everyFrames)
        {
            _woken = _written;
            if (_wake.CurrentCount == 0)
            {
                try
                {
                    _wake.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already woken.
                }
            }
        }

        if (_written - _walStart >= _catchUpFrames)
        {
            if (await CheckpointAsync(cancellationToken).ConfigureAwait(false) is { } done && done.Copied >= done.Frames)
            {
                _walStart = _written; // all copied: the next transaction starts the WAL over
            }
        }
    }

    /// <summary>
    /// At the end of a run: when it wrote more than the WAL file is kept to (64 MB, as after a first full pass), the
    /// writer's close checkpoints and removes the WAL if it is the database's last connection, as SQLite's own close
    /// does. Left behind, a full pass's WAL cost the next process a recovery before its first write, as long again as a
    /// fresh incremental pass takes. A smaller run leaves its WAL to the hub or the next connection (see
    /// <see cref="AshbridgeDatabase.ConnectForBulkWritesAsync"/>).
    /// </summary>
    public void EndRun(DbConnection db)
    {
        if (_checkpointing.Needed && _written >= _keptFrames) _checkpointing.CheckpointOnClose(db, checkpoint: true);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
        _wake.Dispose();
        _oneAtATime.Dispose();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (true)
            {
                await _wake.WaitAsync(_stop.Token).ConfigureAwait(false);
                await CheckpointAsync(CancellationToken.None).ConfigureAwait(false); // the end of the run lets a started checkpoint finish
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One passive checkpoint at a time: it copies what no reader still needs, and never waits for a lock. Returns the
    /// WAL's pages and how many are now copied, or null when another connection was checkpointing or it failed.
    /// </summary>
    private async Task<(long Frames, long Copied)?> CheckpointAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _connection ??= await _database.ConnectAsync(cancellationToken).ConfigureAwait(false);
            var (frames, copied) = await _database.CheckpointAsync(_connection, cancellationToken).ConfigureAwait(false);
            return frames < 0 ? null : (frames, copied);
        }
        catch (DbException ex)
        {
            // The WAL grows until the next checkpoint manages; nothing the run wrote is at risk.
            SyncLog.CheckpointFailed(_logger, ex);
            return null;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
