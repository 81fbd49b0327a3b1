namespace Ashbridge.Emulator.Sync;

/// <summary>Whether a token is a pagination cursor or a sync token.</summary>
internal enum TokenKind : byte { Cursor = 1, SyncToken = 2 }

/// <summary>
/// What a cursor or sync token remembers. <see cref="Position"/> is the index in the endpoint's ordered list to resume at;
/// <see cref="SinceSeq"/> is -1 for a full pass, else the change sequence an incremental pass returns rows after;
/// <see cref="SnapshotSeq"/> is the sequence when the pass started (what the pass's final sync token will carry).
/// </summary>
internal readonly record struct PageToken(
    TokenKind Kind,
    string Endpoint,
    int Epoch,
    long IssuedMs,
    int Position,
    long SinceSeq,
    long SnapshotSeq,
    int PageNumber);
