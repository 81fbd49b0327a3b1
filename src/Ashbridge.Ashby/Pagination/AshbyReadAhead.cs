namespace Ashbridge.Ashby;

/// <summary>
/// A page stream started before it is needed: until <see cref="Release"/>, it sends at most <see cref="Pages"/> requests,
/// each with <see cref="RequestOptions"/> (by default without retries), and holds the next one. A request made ahead
/// that fails transiently (<see cref="AshbyApiException.IsTransient"/>) is not an error yet: it is made again, with the
/// stream's own options, once released. So a consumer can start many streams at once and take them one at a time,
/// without the waiting ones holding more than a few pages or spending their retries against an Ashby that is down.
/// </summary>
public sealed class AshbyReadAhead
{
    private static readonly AshbyRequestOptions NoRetries = new() { MaxRetries = 0 };
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a hold.</summary>
    /// <param name="pages">Requests (pages) the stream may make before <see cref="Release"/>; at least 1.</param>
    /// <param name="requestOptions">Options for those requests; <see langword="null"/> makes them without retries.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pages"/> is less than 1.</exception>
    public AshbyReadAhead(int pages, AshbyRequestOptions? requestOptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        Pages = pages;
        RequestOptions = requestOptions ?? NoRetries;
    }

    /// <summary>Requests the stream may make before <see cref="Release"/>.</summary>
    public int Pages { get; }

    /// <summary>The options of the requests made before <see cref="Release"/>.</summary>
    public AshbyRequestOptions RequestOptions { get; }

    /// <summary>Whether <see cref="Release"/> was called.</summary>
    public bool IsReleased => _released.Task.IsCompleted;

    /// <summary>The consumer is ready: the stream fetches freely from now on, with its own options. Idempotent.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Waits for <see cref="Release"/>.</summary>
    internal Task WaitAsync(CancellationToken cancellationToken) => _released.Task.WaitAsync(cancellationToken);
}
