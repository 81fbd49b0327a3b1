using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Emulator.Tests.Faults;

/// <summary>A fake clock that reports each timer it is asked for, so a test can see a delay was requested before moving time.</summary>
internal sealed class SignalingFakeTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _requested = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _requested.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (waits for it, failing after a few seconds).</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _requested.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
}
