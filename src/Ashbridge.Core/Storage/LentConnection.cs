using System.Data.Common;

namespace Ashbridge.Core.Storage;

/// <summary>
/// An open connection lent by <see cref="AshbridgeDatabase.LendAsync"/> for reads outside a transaction; disposing it
/// hands it back (SQLite) or closes it into the driver's pool (PostgreSQL).
/// </summary>
public sealed class LentConnection : IAsyncDisposable
{
    private readonly Action<DbConnection>? _giveBack;

    internal LentConnection(DbConnection db, Action<DbConnection>? giveBack)
    {
        Connection = db;
        _giveBack = giveBack;
    }

    /// <summary>The open connection; not to be disposed by the borrower.</summary>
    public DbConnection Connection { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_giveBack is null) return Connection.DisposeAsync();
        _giveBack(Connection);
        return ValueTask.CompletedTask;
    }
}
