using Ashbridge.Core.Queues;
using Ashbridge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.Queues;

public sealed class QueueLoopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A failure guard only: every wait below ends on what the loop does, long before this.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_loop_processes_at_start_and_again_when_woken()
    {
        var clock = new FakeTimeProvider();
        var queue = new ScriptedQueue(clock) { Pacing = new(TimeSpan.Zero, TimeSpan.FromHours(1)) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = new QueueLoop(queue, clock, NullLogger<QueueLoop>.Instance).RunAsync(stop.Token);

        await queue.WaitingAsync(1).WaitAsync(Guard, Ct); // the first round found nothing and nothing is due: an hour's wait
        queue.Wake.Notify();
        await queue.RoundAsync(2).WaitAsync(Guard, Ct);

        queue.Rounds.ShouldBe(2); // woken, not timed out: the fake clock never moved
        await stop.CancelAsync();
        await loop.WaitAsync(Guard, Ct);
    }

    [Fact]
    public async Task The_loop_wakes_when_the_next_retry_falls_due()
    {
        var clock = new FakeTimeProvider();
        var queue = new ScriptedQueue(clock) { Pacing = new(TimeSpan.Zero, TimeSpan.FromHours(1)), NextDue = () => clock.GetUtcNow() + TimeSpan.FromMinutes(2) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = new QueueLoop(queue, clock, NullLogger<QueueLoop>.Instance).RunAsync(stop.Token);
        await queue.WaitingAsync(1).WaitAsync(Guard, Ct);

        var start = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(1));
        queue.Rounds.ShouldBe(1); // not due yet
        await AdvanceUntilAsync(clock, TimeSpan.FromSeconds(10), () => queue.Rounds >= 2, "the round at the next due time");

        queue.RoundTimes[1].ShouldBeGreaterThanOrEqualTo(start + TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await loop.WaitAsync(Guard, Ct);
    }

    [Fact]
    public async Task A_failed_round_is_retried_after_a_pause_and_the_loop_keeps_running()
    {
        var clock = new FakeTimeProvider();
        var queue = new ScriptedQueue(clock) { Pacing = new(TimeSpan.Zero, TimeSpan.FromHours(1)), FailRounds = 1 };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = new QueueLoop(queue, clock, NullLogger<QueueLoop>.Instance).RunAsync(stop.Token);
        await queue.RoundAsync(1).WaitAsync(Guard, Ct);

        var failedAt = clock.GetUtcNow();
        await AdvanceUntilAsync(clock, TimeSpan.FromSeconds(1), () => queue.Rounds >= 2, "the round after the failed one");

        queue.RoundTimes[1].ShouldBeGreaterThanOrEqualTo(failedAt + QueueLoop.AfterFailure);
        loop.IsCompleted.ShouldBeFalse();
        await stop.CancelAsync();
        await loop.WaitAsync(Guard, Ct);
    }

    [Fact]
    public void The_retry_schedule_grows_to_its_cap_and_dead_letters_after_the_last_attempt()
    {
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(2), 3, TimeSpan.FromMinutes(5), MaxAttempts: 6);
        var now = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

        Enumerable.Range(1, 6).Select(schedule.Backoff).ShouldBe(
            [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(18), TimeSpan.FromSeconds(54), TimeSpan.FromSeconds(162), TimeSpan.FromMinutes(5)]);
        schedule.RetryAt(now, 5).ShouldBe(now + TimeSpan.FromSeconds(162));
        schedule.RetryAt(now, 6).ShouldBeNull();
    }

    /// <summary>
    /// Moves the fake clock a step at a time until the loop has done what is awaited: the loop sets its timer a moment
    /// after it reads the clock, so one jump could land before the timer exists.
    /// </summary>
    private static Task<bool> AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<bool> done, string what) =>
        Eventually.ValueAsync(() => Task.FromResult(done() || Advance(clock, step)), reached => reached, Guard, what);

    private static bool Advance(FakeTimeProvider clock, TimeSpan step)
    {
        clock.Advance(step);
        return false;
    }

    /// <summary>A queue whose rounds find nothing, counted, with a task per round and per wait to await.</summary>
    private sealed class ScriptedQueue(TimeProvider clock) : IQueueProcessor
    {
        private readonly List<(int Round, TaskCompletionSource Done)> _rounds = [];
        private readonly List<(int Round, TaskCompletionSource Done)> _waits = [];
        private int _roundCount;
        private int _waiting;

        public string Name => "scripted";

        public QueueSignal Wake { get; } = new();

        public required QueuePacing Pacing { get; init; }

        public Func<DateTimeOffset?> NextDue { get; init; } = () => null;

        public int FailRounds { get; init; }

        public int Rounds => Volatile.Read(ref _roundCount);

        /// <summary>The clock's time at each round.</summary>
        public List<DateTimeOffset> RoundTimes { get; } = [];

        public Task RoundAsync(int round) => Awaiting(_rounds, round, () => Rounds);

        public Task WaitingAsync(int round) => Awaiting(_waits, round, () => Volatile.Read(ref _waiting));

        public Task<int> ProcessDueAsync(CancellationToken cancellationToken = default)
        {
            lock (RoundTimes) RoundTimes.Add(clock.GetUtcNow());
            var round = Interlocked.Increment(ref _roundCount);
            Reached(_rounds, round);
            return round <= FailRounds ? throw new InvalidOperationException("a scripted failure") : Task.FromResult(0);
        }

        public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
        {
            var next = NextDue();
            Reached(_waits, Interlocked.Increment(ref _waiting));
            return Task.FromResult(next);
        }

        private static Task Awaiting(List<(int Round, TaskCompletionSource Done)> list, int round, Func<int> reached)
        {
            lock (list)
            {
                if (reached() >= round) return Task.CompletedTask;
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                list.Add((round, done));
                return done.Task;
            }
        }

        private static void Reached(List<(int Round, TaskCompletionSource Done)> list, int round)
        {
            lock (list)
            {
                foreach (var (r, done) in list.Where(x => x.Round <= round).ToList())
                {
                    done.TrySetResult();
                    list.Remove((r, done));
                }
            }
        }
    }
}
