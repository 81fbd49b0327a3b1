namespace Ashbridge.Emulator;

/// <summary>How an emulated Ashby organisation is generated and behaves.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The generator's seed: the same seed and size give the same organisation, byte for byte.</summary>
    public int Seed { get; set; } = 1;

    /// <summary><c>small</c> (~200 candidates), <c>medium</c>, <c>large</c> (100k candidates) or a candidate count up to 1,000,000.</summary>
    public string Size { get; set; } = "small";

    /// <summary>A JSON file of API keys with their permissions; null gives one demo key with every permission.</summary>
    public string? KeysFile { get; set; }

    /// <summary>A fault profile name or spec (see <c>Faults/</c>); null or <c>none</c> for a well-behaved Ashby.</summary>
    public string? FaultProfile { get; set; }

    /// <summary>How long a sync token stays usable after it was issued.</summary>
    public TimeSpan SyncTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a pagination cursor stays usable after it was issued.</summary>
    public TimeSpan CursorLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most pages an incremental pass may span before <c>incremental_sync_too_large</c>.</summary>
    public int IncrementalPageCap { get; set; } = 100;

    /// <summary>Multiplies Ashby's webhook retry delays (10 s, 30 s, 70 s…); 0.001 makes a test wait milliseconds.</summary>
    public double WebhookTimeScale { get; set; } = 1.0;

    /// <summary>The clock behind token expiry, timestamps of changes and webhook retries.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
