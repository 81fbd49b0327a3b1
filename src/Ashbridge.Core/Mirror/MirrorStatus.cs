using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Mirror;

/// <summary>One connection's mirror: its last pass and each stream's rows and token.</summary>
public sealed record MirrorStatus(string Connection, Uri BaseUrl, SyncRunResult? LastRun, IReadOnlyList<StreamState> Streams);
