using Ashbridge.Core.Connections;

namespace Ashbridge.Core.Sync;

/// <summary>
/// Syncs a connection by name or id: looks it up, takes its shared client (one request budget per key) and runs the
/// engine. The CLI, the scheduler and the API all go through here.
/// </summary>
public sealed class ConnectionSync(ConnectionStore connections, AshbyClientPool clients, SyncEngine engine)
{
    /// <summary>Runs a pass of the connection with this id.</summary>
    /// <exception cref="ConnectionNotFoundException">No such connection.</exception>
    public async Task<SyncRunResult> RunAsync(long connectionId, SyncRequest request, IProgress<StreamProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var connection = await connections.FindAsync(connectionId, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectionNotFoundException($"There is no connection with id {connectionId}.");
        return await RunAsync(connection, request, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a pass of the named connection.</summary>
    /// <exception cref="ConnectionNotFoundException">No such connection.</exception>
    public async Task<SyncRunResult> RunAsync(string connectionName, SyncRequest request, IProgress<StreamProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var connection = await connections.FindAsync(connectionName, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectionNotFoundException($"There is no connection named '{connectionName}'; add it with 'ashbridge connection add'.");
        return await RunAsync(connection, request, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SyncRunResult> RunAsync(Connection connection, SyncRequest request, IProgress<StreamProgress>? progress, CancellationToken cancellationToken)
    {
        var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
        return await engine.RunAsync(connection.Id, connection.Name, client, request, progress, cancellationToken).ConfigureAwait(false);
    }
}
