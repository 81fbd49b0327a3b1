using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Connections;

/// <summary>A connection as its page and the API show it: its pre-flight, its streams and its recent passes.</summary>
public sealed record ConnectionDetail(Connection Connection, PreflightReport? Preflight, IReadOnlyList<StreamState> Streams, IReadOnlyList<SyncRunResult> Runs);
