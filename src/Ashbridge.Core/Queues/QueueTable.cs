using System.Data.Common;
using Dapper;

namespace Ashbridge.Core.Queues;

/// <summary>
/// The SQL every durable queue's table shares: rows with <c>id</c> (growing with arrival), <c>state</c> (<c>pending</c>
/// while waiting), <c>attempts</c>, <c>next_attempt_ms</c> and <c>last_error</c>. What is due, when the next is due, a
/// failed attempt (retry or dead letter), and replaying dead letters are written here once for both queues.
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="DeadState">The state of a dead letter in this table.</param>
/// <param name="DeadNextAttemptMs">What <c>next_attempt_ms</c> holds for a dead letter (the column may not allow null).</param>
internal sealed record QueueTable(string Table, string DeadState, long? DeadNextAttemptMs)
{
    /// <summary>The pending rows due by <c>@now</c>, oldest first, at most <c>@limit</c>.</summary>
    public string SelectDue(string columns) =>
        $"SELECT {columns} FROM {Table} WHERE state = 'pending' AND next_attempt_ms <= @now ORDER BY id LIMIT @limit";

    /// <summary>When the next pending row falls due.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(DbConnection db, CancellationToken cancellationToken)
    {
        var ms = await db.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT MIN(next_attempt_ms) FROM {Table} WHERE state = 'pending'", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
    }

    /// <summary>
    /// Records a failed attempt: the row waits for <paramref name="retryAt"/>, or is a dead letter when that is null.
    /// <paramref name="extra"/> sets one more integer column of the table's own (the endpoint's status, say).
    /// </summary>
    public Task RecordFailureAsync(
        DbConnection db, long id, int attempts, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken, (string Column, int? Value)? extra = null)
    {
        var parameters = new DynamicParameters(new
        {
            id, attempts, error,
            state = retryAt is null ? DeadState : "pending",
            next = retryAt is { } at ? at.ToUnixTimeMilliseconds() : DeadNextAttemptMs,
        });
        if (extra is { } e) parameters.Add("extra", e.Value, System.Data.DbType.Int32);
        return db.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Table} SET state = @state, attempts = @attempts, last_error = @error, next_attempt_ms = @next"
            + (extra is { } x ? $", {x.Column} = @extra" : "") + " WHERE id = @id",
            parameters, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Puts dead letters back in the queue with fresh attempts, due at <paramref name="nowMs"/>; <paramref name="scope"/>
    /// narrows which (SQL over the row's columns, its parameters in <paramref name="parameters"/>). Returns how many.
    /// </summary>
    public Task<int> ReplayAsync(DbConnection db, string scope, object parameters, long nowMs, CancellationToken cancellationToken)
    {
        var all = new DynamicParameters(parameters);
        all.Add("now", nowMs);
        return db.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Table} SET state = 'pending', attempts = 0, next_attempt_ms = @now WHERE state = '{DeadState}' AND ({scope})",
            all, cancellationToken: cancellationToken));
    }
}
