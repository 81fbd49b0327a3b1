using Xunit;

namespace Ashbridge.Testing;

/// <summary>
/// Waits for a condition another process or thread brings about (a pass in the hub's scheduler, say) by reading it
/// again until it holds, and fails with what was last read when the deadline passes. The short pause between reads
/// only spaces them out; the wait ends on the condition, never on a fixed time.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds; returns that value.</summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>.</exception>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        using var deadline = new CancellationTokenSource(timeout);
        var ct = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, TestContext.Current.CancellationToken);
        using (ct)
        {
            T value = await read();
            while (!done(value))
            {
                try
                {
                    await Task.Delay(Interval, ct.Token);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}; last read: {value}");
                }

                value = await read();
            }

            return value;
        }
    }
}
