namespace Ashbridge.Core.Webhooks;

/// <summary>
/// The keys of the deliveries stored in the last <see cref="Window"/>: how the inbox drops a duplicate on SQLite without a
/// unique index, whose random-keyed inserts wrote a whole page per delivery and halved the intake's rate. Ashby retries a
/// delivery at most 10 times, (2^n − 1) × 10 s apart, so the last retry comes about 5.7 hours after the first; a key
/// older than the window cannot come back. The inbox loads the window from the database at its first store, so a
/// restarted hub still knows what it acknowledged. Not thread-safe: <see cref="WebhookIntakeStore"/> writes one batch at a time.
/// </summary>
public sealed class RecentDeliveries
{
    /// <summary>How long a key is remembered: eight times Ashby's whole retry schedule.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    /// <summary>The most keys kept (about 100 MB); beyond it the oldest go first, as under a flood no Ashby sends.</summary>
    public const int MaxKeys = 1_000_000;

    private readonly HashSet<DeliveryKey> _keys = [];
    private readonly Queue<(DeliveryKey Key, long ReceivedMs)> _byAge = new();

    public int Count => _keys.Count;

    public bool Contains(DeliveryKey key) => _keys.Contains(key);

    /// <summary>Remembers a stored delivery and forgets those that fell out of the window by <paramref name="receivedMs"/>.</summary>
    public void Add(DeliveryKey key, long receivedMs)
    {
        if (_keys.Add(key)) _byAge.Enqueue((key, receivedMs));
        var oldest = receivedMs - (long)Window.TotalMilliseconds;
        while (_byAge.Count > 0 && (_byAge.Count > MaxKeys || _byAge.Peek().ReceivedMs < oldest)) _keys.Remove(_byAge.Dequeue().Key);
    }
}
