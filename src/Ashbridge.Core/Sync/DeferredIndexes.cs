using System.Data.Common;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage.Dialects;
using Ashbridge.Core.Storage.Migrations;
using Dapper;

namespace Ashbridge.Core.Sync;

/// <summary>
/// A first full pass into an empty mirror table builds the table's indexes after its rows, not row by row, its unique
/// key (connection, Ashby id) included. Ashby's ids are random, so each row put a key in a random leaf of every index,
/// and every commit rewrote most of each index; built at the end, an index is one sort. While the key is set aside the
/// pass inserts without looking anything up (the table had nothing to find), and the key's build removes the older copy
/// of any row a later page repeated. Dropping records each index's own CREATE statement in the same transaction, and
/// the pass's last transaction rebuilds them, so a crash between the two leaves the statements for the resumed pass.
/// Any other pass of the table builds what is pending before it writes, since its upserts need the key.
/// </summary>
internal static class DeferredIndexes
{
    /// <summary>Drops the table's indexes when it has no rows at all (of any connection); returns whether it had none.</summary>
    public static async Task<bool> DeferIfEmptyAsync(DbConnection db, StreamDefinition stream, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var hasRows = await db.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM (SELECT 1 FROM {stream.Table} LIMIT 1) AS any_row", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (hasRows > 0) return false;

        var indexes = (await db.QueryAsync<(string Name, string Create)>(new CommandDefinition(
            StorageDialect.Of(db).BulkLoad.IndexesSql, new { table = stream.Table }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        foreach (var (name, create) in indexes)
        {
            await db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO mirror_deferred_indexes (table_name, index_name, create_sql) VALUES (@table, @name, @create)",
                new { table = stream.Table, name, create }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await db.ExecuteAsync(new CommandDefinition($"DROP INDEX \"{name}\"", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Whether the table's unique key is set aside (another pass may have built it since this one set it aside).</summary>
    public static async Task<bool> KeyPendingAsync(DbConnection db, DbTransaction transaction, StreamDefinition stream, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM mirror_deferred_indexes WHERE table_name = @table AND index_name = @key",
            new { table = stream.Table, key = MirrorKeysAsUniqueIndexes.Key(stream.Table) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;

    /// <summary>Rebuilds the table's deferred indexes, the key first, in the caller's transaction.</summary>
    public static async Task<Rebuilt> RebuildAsync(DbConnection db, DbTransaction transaction, StreamDefinition stream, CancellationToken cancellationToken)
    {
        var key = MirrorKeysAsUniqueIndexes.Key(stream.Table);
        var pending = (await db.QueryAsync<(string Name, string Create)>(new CommandDefinition(
            "SELECT index_name, create_sql FROM mirror_deferred_indexes WHERE table_name = @table ORDER BY index_name",
            new { table = stream.Table }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).OrderBy(p => p.Name != key).ToList();
        if (pending.Count == 0) return default;

        long duplicates = 0;
        var bulkLoad = StorageDialect.Of(db).BulkLoad;
        var restore = await bulkLoad.SortOnDiskAsync(db, transaction, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (name, create) in pending)
            {
                if (name == key) duplicates = await BuildKeyAsync(db, transaction, stream, create, cancellationToken).ConfigureAwait(false);
                else await db.ExecuteAsync(new CommandDefinition(create, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }
        finally
        {
            if (restore is { } previous) await bulkLoad.RestoreSortAsync(db, transaction, previous, CancellationToken.None).ConfigureAwait(false);
        }

        await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM mirror_deferred_indexes WHERE table_name = @table", new { table = stream.Table }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new Rebuilt(pending.Count, duplicates);
    }

    /// <summary>What a rebuild did: the indexes it built, and the older copies of repeated rows it removed to build the key.</summary>
    public readonly record struct Rebuilt(int Indexes, long Duplicates);

    /// <summary>
    /// Builds the key; when a row was inserted twice (a later page repeated it), removes the older copies and builds it
    /// again. Returns how many it removed. The first attempt runs under a savepoint, because on PostgreSQL a failed
    /// statement otherwise aborts the whole transaction.
    /// </summary>
    private static async Task<long> BuildKeyAsync(DbConnection db, DbTransaction transaction, StreamDefinition stream, string create, CancellationToken cancellationToken)
    {
        const string Savepoint = "mirror_key";
        await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await db.ExecuteAsync(new CommandDefinition(create, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (DbException)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        }

        var removed = await StorageDialect.Of(db).Duplicates.RemoveOlderCopiesAsync(db, transaction, stream.Table, cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(create, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return removed;
    }
}
