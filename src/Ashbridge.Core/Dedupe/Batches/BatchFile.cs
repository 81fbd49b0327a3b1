namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>A file of prospects as read: its header row and every row after it, cells by column.</summary>
public sealed record BatchFile(IReadOnlyList<string> Headers, IReadOnlyList<BatchFileRow> Rows);
