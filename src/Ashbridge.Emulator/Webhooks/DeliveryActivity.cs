namespace Ashbridge.Emulator.Webhooks;

/// <summary>Counts deliveries that are queued or in flight, and those waiting on a timer, so callers can await "idle".</summary>
/// <remarks>
/// Every move between the two counts happens in one step, so an observer never sees a false "idle" while a
/// delivery passes from a timer back to the queue. This is what lets tests flush instead of sleeping.
/// </remarks>
internal sealed class DeliveryActivity
{
    private readonly Lock _gate = new();
    private readonly List<(TaskCompletionSource Done, bool IncludeWaiting)> _waiters = [];
    private int _active;
    private int _waiting;

    /// <summary>Queued or being attempted.</summary>
    public int Active { get { lock (_gate) return _active; } }

    /// <summary>Waiting for a retry timer or held back by the reordering fault.</summary>
    public int Waiting { get { lock (_gate) return _waiting; } }

    public void Queued() => Move(+1, 0);

    public void Finished() => Move(-1, 0);

    public void ActiveToWaiting() => Move(-1, +1);

    public void WaitingToActive() => Move(+1, -1);

    public void WaitingFinished() => Move(0, -1);

    /// <summary>Completes when nothing is queued or in flight (and, with <paramref name="includeWaiting"/>, nothing waits on a timer).</summary>
    public Task WhenIdleAsync(bool includeWaiting, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (IsIdle(includeWaiting)) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, includeWaiting));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    private void Move(int active, int waiting)
    {
        lock (_gate)
        {
            _active += active;
            _waiting += waiting;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!IsIdle(_waiters[i].IncludeWaiting)) continue;
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private bool IsIdle(bool includeWaiting) => _active == 0 && (!includeWaiting || _waiting == 0);
}
