using System.Globalization;

namespace Ashbridge.Emulator.Faults;

/// <summary>How badly the emulated Ashby behaves: rate limits, server errors, dropped connections, latency and webhook disorder.</summary>
/// <remarks>Built by <see cref="FaultProfileParser"/> from a name (<c>flaky</c>), a spec (<c>5xx=0.05,latency=5-50ms</c>) or both.</remarks>
internal sealed record FaultProfile
{
    /// <summary>A well-behaved Ashby.</summary>
    public static readonly FaultProfile None = new();

    /// <summary>The text the profile was parsed from, e.g. <c>flaky,dup=0.1</c>.</summary>
    public string Source { get; init; } = "none";

    /// <summary>Requests per second each API key may make on average; null for no limit.</summary>
    public double? RatePerSecond { get; init; }

    /// <summary>Requests a key may make back to back before the rate applies; defaults to one second's worth.</summary>
    public int? Burst { get; init; }

    /// <summary>Whether a 429 carries <c>Retry-After</c>; Ashby's ordinary per-key 429s document none, so off by default.</summary>
    public bool RetryAfterHeader { get; init; }

    /// <summary>Chance (0–1) that a request is answered 500/502/503.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Chance (0–1) that the connection is aborted before any response byte.</summary>
    public double DropRate { get; init; }

    /// <summary>Shortest added latency per request.</summary>
    public TimeSpan LatencyMin { get; init; }

    /// <summary>Longest added latency per request (uniform between min and max).</summary>
    public TimeSpan LatencyMax { get; init; }

    /// <summary>Chance (0–1) that a webhook delivery is sent twice (same bytes, same <c>webhookActionId</c>).</summary>
    public double DuplicateRate { get; init; }

    /// <summary>Chance (0–1) that a webhook delivery is held back and sent after a later one.</summary>
    public double ReorderRate { get; init; }

    /// <summary>The effective burst: the explicit one, else one second's worth of requests (at least one).</summary>
    public int EffectiveBurst => Burst ?? Math.Max(1, (int)Math.Ceiling(RatePerSecond ?? 1));

    /// <summary>The profile as an explicit spec (no names), the form <see cref="FaultProfileParser"/> reads back.</summary>
    public string ToSpec()
    {
        var parts = new List<string>();
        if (RatePerSecond is { } rate) parts.Add(Invariant($"rate={rate}/s"));
        if (Burst is { } burst) parts.Add(Invariant($"burst={burst}"));
        if (RetryAfterHeader) parts.Add("retryAfterHeader=true");
        if (ServerErrorRate > 0) parts.Add(Invariant($"5xx={ServerErrorRate}"));
        if (DropRate > 0) parts.Add(Invariant($"drop={DropRate}"));
        if (LatencyMax > TimeSpan.Zero) parts.Add(Invariant($"latency={LatencyMin.TotalMilliseconds}-{LatencyMax.TotalMilliseconds}ms"));
        if (DuplicateRate > 0) parts.Add(Invariant($"dup={DuplicateRate}"));
        if (ReorderRate > 0) parts.Add(Invariant($"reorder={ReorderRate}"));
        return parts.Count == 0 ? "none" : string.Join(',', parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
