namespace Ashbridge.Emulator.Webhooks;

/// <summary>Knobs of the delivery machinery, derived from <see cref="EmulatorOptions"/>; tests may register their own first.</summary>
internal sealed record WebhookDeliveryOptions
{
    /// <summary>How long one delivery or ping may take before it counts as a timeout (Ashby's value is undocumented).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries in flight at once: enough not to stall behind a slow receiver, few enough to stay polite.</summary>
    public int MaxInFlight { get; init; } = 8;

    /// <summary>Multiplies the retry delays (see <see cref="EmulatorOptions.WebhookTimeScale"/>).</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>The longest a reordered delivery waits for a later one to overtake it.</summary>
    public TimeSpan ReorderHold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts kept in the delivery log; the oldest go first so memory stays flat.</summary>
    public int LogCapacity { get; init; } = 10_000;

    /// <summary>The seed of the dice behind duplicate and reordering faults.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Scales the timeout and the hold with the retry delays, but keeps at least a second for the HTTP call:
    /// a loopback receiver under a loaded test run still needs real time to answer.
    /// </summary>
    public static WebhookDeliveryOptions From(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scale = Math.Max(0, options.WebhookTimeScale);
        return new WebhookDeliveryOptions
        {
            TimeScale = scale,
            RequestTimeout = TimeSpan.FromSeconds(Math.Clamp(10 * scale, 1, 10)),
            ReorderHold = TimeSpan.FromSeconds(5 * scale),
            Seed = options.Seed,
        };
    }
}
