namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>How far a run has got: rows done of the total, and the row just done with its outcome.</summary>
public sealed record DedupeBatchProgress(int Done, int Total, int Row, string Outcome);
