using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Ashby.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that announces every timer it creates, so a test can wait until the client
/// is actually waiting (a backoff delay or an attempt timeout) and then advance fake time past it — no sleeping.
/// </summary>
public sealed class SignalingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();
    private readonly List<TimeSpan> _all = [];

    public IReadOnlyList<TimeSpan> CreatedTimers
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SignalingTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Announce(dueTime);
        return timer;
    }

    private void Announce(TimeSpan dueTime)
    {
        // CancellationTokenSource(delay, TimeProvider) creates an idle timer and arms it with Change.
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_all)
        {
            _all.Add(dueTime);
        }

        _created.Writer.TryWrite(dueTime);
    }

    private sealed class SignalingTimer(ITimer inner, SignalingTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Announce(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>Waits for the next timer matching <paramref name="match"/>, then advances fake time by its due time.</summary>
    public async Task<TimeSpan> AdvancePastNextTimerAsync(Func<TimeSpan, bool>? match = null)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var due = await _created.Reader.ReadAsync(guard.Token);
            if (match is null || match(due))
            {
                Advance(due);
                return due;
            }
        }
    }
}
