namespace Ashbridge.Core.Queues;

/// <summary>
/// How a queue's loop paces itself. <paramref name="Gather"/>: after a wake-up or a busy round, how long to let more work
/// arrive before the next round (a burst is then handled by one round instead of many). <paramref name="LongestWait"/>:
/// the longest the loop sleeps with nothing due and no wake-up, in case work came from elsewhere (another process).
/// </summary>
public sealed record QueuePacing(TimeSpan Gather, TimeSpan LongestWait);
