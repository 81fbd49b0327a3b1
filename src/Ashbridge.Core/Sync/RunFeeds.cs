using System.Data.Common;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Sync;

/// <summary>
/// The feeds a run starts before anything else, so that each stream's first pages are there when its turn comes
/// instead of being asked for only then (see <see cref="PageFeed"/>); the first requests travel while the run writes
/// its own bookkeeping. They share the key's budget with everything else (the client's limiter). Disposing stops the
/// feeds no pass took, as when the run stopped early.
/// </summary>
internal sealed class RunFeeds : IAsyncDisposable
{
    private readonly Dictionary<string, PageFeed> _feeds = new(StringComparer.Ordinal);

    private RunFeeds()
    {
    }

    /// <summary>
    /// Starts a feed for each stream <see cref="StreamPass.FetchStart"/> says may fetch early, from where its pass will
    /// start (a stream never synced starts from nothing). Fetching early only saves time: when the checkpoints cannot be
    /// read here, every stream is fetched at its turn, where its pass reads its own again and reports what failed.
    /// </summary>
    public static async Task<RunFeeds> StartAsync(
        DbConnection db, long connectionId, AshbyClient client, IReadOnlyList<StreamDefinition> streams, SyncMode mode, CancellationToken cancellationToken)
    {
        Dictionary<string, StreamCheckpoint> checkpoints;
        try
        {
            checkpoints = await StreamCheckpoint.LoadAllAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            return new RunFeeds();
        }

        var feeds = new RunFeeds();
        try
        {
            foreach (var stream in streams)
            {
                if (StreamPass.FetchStart(stream, mode, checkpoints.GetValueOrDefault(stream.Name) ?? new StreamCheckpoint()) is { } start)
                {
                    feeds._feeds[stream.Name] = PageFeed.Start(client, stream, start.Cursor, start.SyncToken, StreamPass.MaxPagesPerTransaction, cancellationToken, aheadOfTurn: true);
                }
            }

            return feeds;
        }
        catch
        {
            await feeds.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The stream's feed, if the run started one.</summary>
    public PageFeed? For(StreamDefinition stream) => _feeds.GetValueOrDefault(stream.Name);

    public async ValueTask DisposeAsync()
    {
        foreach (var feed in _feeds.Values) await feed.DisposeAsync().ConfigureAwait(false);
    }
}
