namespace Ashbridge.Core.Sync;

/// <summary>Live progress of one stream, for progress bars.</summary>
/// <param name="Rows">Rows read so far in this pass (new, changed and unchanged).</param>
/// <param name="IsFinished">The stream is done (see <paramref name="Outcome"/>).</param>
public sealed record StreamProgress(string Stream, StreamPassMode Mode, int Pages, long Rows, bool IsFinished, StreamOutcome? Outcome, string? Message);
