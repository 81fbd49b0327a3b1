using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Connections;

/// <summary>A connection in a list, with its last pass.</summary>
public sealed record ConnectionSummary(Connection Connection, SyncRunResult? LastRun);
