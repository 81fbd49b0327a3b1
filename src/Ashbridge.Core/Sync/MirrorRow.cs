namespace Ashbridge.Core.Sync;

/// <summary>
/// One mirror row read out of a page: Ashby's JSON as sent (UTF-8, usually a slice of the page's bytes), its hash, its
/// update time and the typed column values.
/// </summary>
internal sealed record MirrorRow(string Id, ReadOnlyMemory<byte> RawJson, long RawHash, long? UpdatedMs, object?[] Values);
