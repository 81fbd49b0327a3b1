using System.Runtime.CompilerServices;

namespace Ashbridge.Ashby;

/// <summary>
/// One full or incremental sync pass over a list. Enumerate the pages, persist each page, and only then read
/// <see cref="NewSyncToken"/>: it stays <see langword="null"/> until the last page has been consumed, so a
/// token can never be stored before all its pages were.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class AshbySyncSession<T> : IAsyncEnumerable<AshbyPage<T>>
{
    private readonly Func<CancellationToken, IAsyncEnumerable<AshbyPage<T>>> _pages;
    private int _started;

    /// <summary>Creates a session over a page source (public so test doubles can build sessions).</summary>
    /// <param name="startToken">The token the pass started from, or <see langword="null"/> for a full pass.</param>
    /// <param name="pages">The page source; its last page carries the new token.</param>
    public AshbySyncSession(string? startToken, Func<CancellationToken, IAsyncEnumerable<AshbyPage<T>>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        StartToken = startToken;
        _pages = pages;
    }

    /// <summary>The token this pass started from (<see langword="null"/> for a full pass).</summary>
    public string? StartToken { get; }

    /// <summary>Whether the pass is incremental.</summary>
    public bool IsIncremental => StartToken is not null;

    /// <summary>Whether every page has been consumed.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The token to store for the next pass; <see langword="null"/> until <see cref="IsComplete"/>.</summary>
    public string? NewSyncToken { get; private set; }

    /// <summary>The number of pages consumed so far.</summary>
    public int PageCount { get; private set; }

    /// <inheritdoc />
    public IAsyncEnumerator<AshbyPage<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A sync session can be enumerated once; start a new session for another pass.");
        }

        return RunAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    private async IAsyncEnumerable<AshbyPage<T>> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? lastToken = null;
        await foreach (var page in _pages(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            lastToken = page.IsLastPage ? page.SyncToken : null;
            yield return page;
            PageCount++;
        }

        // Reached only after the consumer came back from the last page.
        NewSyncToken = lastToken;
        IsComplete = true;
    }
}
