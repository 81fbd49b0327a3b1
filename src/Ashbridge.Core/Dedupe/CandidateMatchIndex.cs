using System.Data.Common;
using System.Text.Json;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Core.Dedupe;

/// <summary>
/// Keeps <c>candidate_match_keys</c> in step with the mirror's candidates. After every pass that changed candidates it
/// re-keys the ones seen or deleted since its last refresh (found by a watermark, like the new-hire queue): a changed
/// candidate's keys are replaced, a deleted one's removed, a merged-away one's kept so the check can follow it to the
/// survivor. The first refresh of a connection keys every candidate.
/// </summary>
public sealed class CandidateMatchIndex(AshbridgeDatabase database, TimeProvider timeProvider) : IMirrorObserver, IDisposable
{
    // One refresh at a time: the check's first build and a pass's refresh must not key the same candidates twice.
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, bool> _built = new();

    /// <summary>Rows the watermark steps back, so a row stamped in the same millisecond as the last refresh (or by another node's clock) is looked at again.</summary>
    private const long WatermarkMarginMs = 2_000;

    private const int CandidateBatch = 1_000;

    /// <summary>
    /// Values are clipped and longer keys left out at this many characters, so a row of the lookup index (which holds the
    /// key and the value, see migration 22) stays within PostgreSQL's limit for a B-tree entry. No real email, phone,
    /// profile address or name is that long.
    /// </summary>
    public const int MaxLength = 300;

    private static readonly string[] InsertParameters = ["@connectionId", "@c", "@k", "@y", "@v"];

    /// <inheritdoc />
    public async Task MirrorChangedAsync(long connectionId, IReadOnlyCollection<string> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Contains(MirrorStreams.Candidates.Name)) await RefreshAsync(connectionId, everything: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Keys every candidate of a connection whose index was never built (a mirror synced before the index existed, whose
    /// candidates have not changed since); after the first call per connection it costs nothing.
    /// </summary>
    public async Task EnsureBuiltAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        if (_built.ContainsKey(connectionId)) return;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var indexed = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT indexed_ms FROM candidate_match_state WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (indexed is not null)
            {
                _built[connectionId] = true;
                return;
            }
        }

        await RefreshAsync(connectionId, everything: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings the connection's keys up to date with the mirror; <paramref name="everything"/> re-keys every candidate.</summary>
    /// <returns>How many candidates were re-keyed.</returns>
    public async Task<int> RefreshAsync(long connectionId, bool everything = false, CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var rekeyed = await RefreshLockedAsync(connectionId, everything, cancellationToken).ConfigureAwait(false);
            _built[connectionId] = true;
            return rekeyed;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _refreshing.Dispose();

    private async Task<int> RefreshLockedAsync(long connectionId, bool everything, CancellationToken cancellationToken)
    {
        var started = timeProvider.NowMs();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var indexed = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT indexed_ms FROM candidate_match_state WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        everything |= indexed is null;
        if (everything)
        {
            await db.ExecuteAsync(new CommandDefinition(
                "DELETE FROM candidate_match_keys WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var since = everything ? -1 : indexed!.Value - WatermarkMarginMs;
        var rekeyed = 0;
        var after = "";
        while (true)
        {
            // Paged along the key (connection, id); the changed-since filter is left out of a full build, where an
            // "OR everything" in the statement kept SQLite from walking the key and every page scanned the table.
            var rows = (await db.QueryAsync<CandidateRow>(new CommandDefinition(
                $"""
                SELECT id AS Id, raw_json AS RawJson, deleted_ms AS DeletedMs, merged_into_id AS MergedIntoId FROM mirror_candidates
                WHERE connection_id = @connectionId AND id > @after{(everything ? "" : " AND (last_seen_ms > @since OR deleted_ms > @since)")}
                ORDER BY id LIMIT @limit
                """, new { connectionId, after, since, limit = CandidateBatch }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (rows.Count == 0) break;
            await RekeyAsync(db, connectionId, rows, removeFirst: !everything, cancellationToken).ConfigureAwait(false);
            rekeyed += rows.Count;
            after = rows[^1].Id;
        }

        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO candidate_match_state (connection_id, indexed_ms) VALUES (@connectionId, @started)
            ON CONFLICT (connection_id) DO UPDATE SET indexed_ms = excluded.indexed_ms
            """, new { connectionId, started }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rekeyed;
    }

    private static async Task RekeyAsync(DbConnection db, long connectionId, List<CandidateRow> rows, bool removeFirst, CancellationToken cancellationToken)
    {
        var keys = new List<(string CandidateId, MatchKey Key)>();
        foreach (var row in rows)
        {
            // Deleted: gone from the check. Merged away: its emails and links still find the survivor.
            if (row.DeletedMs is not null && row.MergedIntoId is null) continue;
            using var json = JsonDocument.Parse(row.RawJson);
            foreach (var key in CandidateKeys.Read(json.RootElement).Where(k => k.Key.Length <= MaxLength)) keys.Add((row.Id, key));
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (removeFirst)
        {
            var parameters = new DynamicParameters(new { connectionId });
            var ids = SqlList.In(parameters, "id", rows.ConvertAll(r => r.Id));
            await db.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM candidate_match_keys WHERE connection_id = @connectionId AND candidate_id IN ({ids})", parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (keys.Count > 0) await InsertAsync(db, transaction, connectionId, keys, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the keys: on SQLite one prepared single-row INSERT run per key (an in-process call each), on PostgreSQL one
    /// INSERT of the whole batch from arrays (one round trip). A multi-row VALUES statement with thousands of named
    /// parameters was slower than either: binding looks each parameter up by name, so its cost grew with the square.
    /// </summary>
    private static async Task InsertAsync(DbConnection db, DbTransaction transaction, long connectionId, List<(string CandidateId, MatchKey Key)> keys, CancellationToken cancellationToken)
    {
        static string Clip(string value) => value.Length > MaxLength ? value[..MaxLength] : value;
        if (db is SqliteConnection)
        {
            await using var command = db.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO candidate_match_keys (connection_id, candidate_id, kind, key, value) VALUES (@connectionId, @c, @k, @y, @v)";
            var parameters = InsertParameters.Select(name =>
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                command.Parameters.Add(p);
                return p;
            }).ToArray();
            parameters[0].Value = connectionId;
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (candidateId, key) in keys)
            {
                parameters[1].Value = candidateId;
                parameters[2].Value = key.Kind;
                parameters[3].Value = key.Key;
                parameters[4].Value = Clip(key.Value);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO candidate_match_keys (connection_id, candidate_id, kind, key, value) SELECT @connectionId, c, k, y, v FROM unnest(@c, @k, @y, @v) AS t(c, k, y, v)",
            new
            {
                connectionId,
                c = keys.ConvertAll(k => k.CandidateId).ToArray(),
                k = keys.ConvertAll(k => k.Key.Kind).ToArray(),
                y = keys.ConvertAll(k => k.Key.Key).ToArray(),
                v = keys.ConvertAll(k => Clip(k.Key.Value)).ToArray(),
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed record CandidateRow(string Id, string RawJson, long? DeletedMs, string? MergedIntoId);
}
