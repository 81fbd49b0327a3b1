using Microsoft.Extensions.Logging;

namespace Ashbridge.Emulator.Webhooks;

/// <summary>One attempt, its outcome, and the timers that bring failed or held deliveries back.</summary>
internal sealed partial class WebhookDispatcher
{
    private readonly Dictionary<string, Parked> _retries = new(StringComparer.Ordinal);
    private Parked? _held;

    private async Task AttemptAsync(PendingDelivery delivery, Parked? releaseAfter, CancellationToken cancellationToken)
    {
        var attempt = delivery.AttemptsMade + 1;
        var startedAt = _time.GetUtcNow();
        var result = default(AttemptResult);
        DeliveryState state;
        var delay = TimeSpan.Zero;
        try
        {
            if (!IsDeliverable(delivery.Target.Id))
            {
                state = DeliveryState.Dropped;
            }
            else
            {
                result = await _sender.SendAsync(delivery.Target.RequestUrl, delivery.Body, delivery.Signature, cancellationToken);
                delivery.AttemptsMade = attempt;
                state = Classify(result, attempt);
                if (state == DeliveryState.Retrying) delay = WebhookRetryPolicy.DelayAfter(attempt, _options.TimeScale);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            state = DeliveryState.Dropped;
        }
        finally
        {
            _inFlight.Release();
        }

        var finishedAt = _time.GetUtcNow();
        Record(delivery, attempt, result, startedAt, finishedAt, state == DeliveryState.Retrying ? finishedAt + delay : null, state);
        Report(delivery, attempt, result, state, delay);

        // Release the held delivery before settling this one, so "idle" is never observed between the two.
        if (releaseAfter is not null) Release(releaseAfter);
        if (state == DeliveryState.Retrying) ScheduleRetry(delivery, delay);
        else Activity.Finished();
    }

    private static DeliveryState Classify(AttemptResult result, int attempt) => result switch
    {
        { IsSuccess: true } => DeliveryState.Delivered,
        { StatusCode: { } status } when WebhookRetryPolicy.IsFinalRefusal(status) => DeliveryState.Failed,
        _ when attempt >= WebhookRetryPolicy.MaxAttempts => DeliveryState.GaveUp,
        _ => DeliveryState.Retrying,
    };

    private void Record(PendingDelivery d, int attempt, AttemptResult result, DateTimeOffset startedAt, DateTimeOffset finishedAt, DateTimeOffset? nextRetryAt, DeliveryState state) =>
        Log.Add(new DeliveryAttempt(
            NewId(), d.Id, d.Target.Id, d.WebhookActionId, d.Action, attempt, d.Target.RequestUrl,
            result.StatusCode, result.Error, startedAt, finishedAt, nextRetryAt, state, d.IsDuplicate));

    private void Report(PendingDelivery d, int attempt, AttemptResult result, DeliveryState state, TimeSpan delay)
    {
        switch (state)
        {
            case DeliveryState.Retrying:
                WebhookLog.DeliveryRetrying(_logger, d.Target.Id, d.Action, d.WebhookActionId, attempt, result, delay);
                break;
            case DeliveryState.Failed:
                WebhookLog.DeliveryFailed(_logger, d.Target.Id, d.Action, d.WebhookActionId, attempt, result);
                break;
            case DeliveryState.GaveUp:
                WebhookLog.DeliveryGaveUp(_logger, d.Target.Id, d.Action, d.WebhookActionId, attempt, result);
                break;
            case DeliveryState.Dropped:
                WebhookLog.DeliveryDropped(_logger, d.Target.Id, d.Action, d.WebhookActionId);
                break;
            case DeliveryState.Delivered:
            default:
                break;
        }
    }

    private void ScheduleRetry(PendingDelivery delivery, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                Activity.Finished();
                return;
            }

            var parked = new Parked(delivery);
            _retries[delivery.Id] = parked;

            // The timer exists before anyone can see this delivery as waiting: whoever awaits idle and then moves
            // the clock must find it armed. A timer firing at once re-enters this lock on this thread, which is fine.
            parked.Timer = _time.CreateTimer(_ => FireRetry(delivery.Id), null, delay, Timeout.InfiniteTimeSpan);
            Activity.ActiveToWaiting();
        }
    }

    private void FireRetry(string deliveryId)
    {
        lock (_gate)
        {
            if (_disposed || !_retries.Remove(deliveryId, out var parked)) return;
            parked.Timer?.Dispose();
            Activity.WaitingToActive();
            Requeue(parked.Delivery);
        }
    }

    /// <summary>Throws the duplicate and reorder dice for a fresh delivery; true when it is now held back.</summary>
    /// <remarks>Called only from the single reader, so the dice sequence follows publish order and repeats with the seed.</remarks>
    private bool RollFaultsAndMaybeHold(PendingDelivery delivery)
    {
        var profile = _faults.Profile;
        var duplicate = profile.DuplicateRate > 0 && _dice.NextDouble() < profile.DuplicateRate;
        var reorder = profile.ReorderRate > 0 && _dice.NextDouble() < profile.ReorderRate;
        if (duplicate) Enqueue(delivery.Duplicate(NewId()));
        if (!reorder) return false;
        lock (_gate)
        {
            if (_held is not null || _disposed) return false;
            delivery.WasHeld = true;
            var parked = new Parked(delivery);
            _held = parked;

            // If nothing overtakes it in time, it goes anyway: reordering must never lose a delivery.
            // Armed before the delivery counts as waiting, as in ScheduleRetry.
            parked.Timer = _time.CreateTimer(_ => Release(parked), null, _options.ReorderHold, Timeout.InfiniteTimeSpan);
            Activity.ActiveToWaiting();
            return true;
        }
    }

    /// <summary>Takes the held delivery (if any) so a new one can be held; it is released after the overtaking attempt.</summary>
    private Parked? TakeHeld()
    {
        lock (_gate)
        {
            var held = _held;
            _held = null;
            return held;
        }
    }

    /// <summary>Sends a held delivery on its way; safe to call twice (timer and overtaking attempt race).</summary>
    private void Release(Parked parked)
    {
        lock (_gate)
        {
            if (parked.Done || _disposed) return;
            parked.Done = true;
            if (_held == parked) _held = null;
            parked.Timer?.Dispose();
            Activity.WaitingToActive();
            Requeue(parked.Delivery);
        }
    }

    /// <summary>Drops the parked deliveries of a deleted webhook: retries go now, a held one is released to be dropped on its attempt.</summary>
    private void DropParkedFor(string webhookId)
    {
        foreach (var parked in _retries.Values.Where(p => p.Delivery.Target.Id == webhookId).ToList())
        {
            _retries.Remove(parked.Delivery.Id);
            parked.Timer?.Dispose();
            var now = _time.GetUtcNow();
            Record(parked.Delivery, parked.Delivery.AttemptsMade + 1, default, now, now, null, DeliveryState.Dropped);
            WebhookLog.DeliveryDropped(_logger, webhookId, parked.Delivery.Action, parked.Delivery.WebhookActionId);
            Activity.WaitingFinished();
        }

        if (_held is { } held && held.Delivery.Target.Id == webhookId) Release(held);
    }

    private void DisposeParkedTimers()
    {
        foreach (var parked in _retries.Values) parked.Timer?.Dispose();
        _retries.Clear();
        _held?.Timer?.Dispose();
    }

    /// <summary>A delivery waiting on a timer: a scheduled retry, or one held back by the reorder fault.</summary>
    private sealed class Parked(PendingDelivery delivery)
    {
        public PendingDelivery Delivery { get; } = delivery;

        public ITimer? Timer { get; set; }

        public bool Done { get; set; }
    }
}
