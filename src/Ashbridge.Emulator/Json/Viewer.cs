namespace Ashbridge.Emulator.Json;

/// <summary>What the calling key may see: confidential jobs (and what hangs off them) and non-offer private fields.</summary>
internal sealed record Viewer(bool AllowConfidential, bool AllowPrivateFields)
{
    /// <summary>Webhook payloads and the control API see everything.</summary>
    public static readonly Viewer Everything = new(true, true);
}
