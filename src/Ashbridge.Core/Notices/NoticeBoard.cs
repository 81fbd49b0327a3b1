using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Notices;

/// <summary>
/// The notices kept in the database: posted, listed newest first, counted while unread, marked read. Read or unread is
/// the hub's, not each person's: one admin reading an alert marks it dealt with for all.
/// </summary>
/// <remarks>
/// Every read and change takes the connections the caller may see (<see langword="null"/>: all); a notice about no
/// connection is the hub's and visible to everyone.
/// </remarks>
public sealed class NoticeBoard(AshbridgeDatabase database, TimeProvider timeProvider)
{
    /// <summary>The most notices one list returns.</summary>
    public const int MaxListed = 500;

    private const string Columns =
        "n.id AS Id, n.connection_id AS ConnectionId, c.name AS ConnectionName, n.kind AS Kind, n.severity AS Severity, n.title AS Title, n.body AS Body, "
        + "n.created_ms AS CreatedMs, n.read_ms AS ReadMs, n.emailed_ms AS EmailedMs, n.email_error AS EmailError";

    /// <summary>Posts a notice (unread); returns it.</summary>
    public async Task<Notice> AddAsync(NewNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO notices (connection_id, kind, severity, title, body, created_ms) VALUES (@ConnectionId, @Kind, @Severity, @title, @Body, @now) RETURNING id",
            new { notice.ConnectionId, notice.Kind, notice.Severity, title = Cut(notice.Title, 1000), notice.Body, now = timeProvider.NowMs() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (await FindAsync(id, null, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>One notice the caller may see, or <see langword="null"/>.</summary>
    public async Task<Notice?> FindAsync(long id, IReadOnlyList<long>? connectionIds, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id });
        var visible = Visible(parameters, connectionIds);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM notices n LEFT JOIN connections c ON c.id = n.connection_id WHERE n.id = @id AND {visible}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToNotice();
    }

    /// <summary>The newest notices the caller may see, newest first (at most <paramref name="limit"/>, up to <see cref="MaxListed"/>); only unread ones when <paramref name="unreadOnly"/>.</summary>
    public async Task<IReadOnlyList<Notice>> ListAsync(IReadOnlyList<long>? connectionIds, bool unreadOnly = false, int limit = 100, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { limit = Math.Clamp(limit, 1, MaxListed) });
        var visible = Visible(parameters, connectionIds);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM notices n LEFT JOIN connections c ON c.id = n.connection_id WHERE {visible}{(unreadOnly ? " AND n.read_ms IS NULL" : "")} "
            + "ORDER BY n.created_ms DESC, n.id DESC LIMIT @limit",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToNotice())];
    }

    /// <summary>How many notices the caller may see are unread.</summary>
    public async Task<long> CountUnreadAsync(IReadOnlyList<long>? connectionIds, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters();
        var visible = Visible(parameters, connectionIds);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM notices n WHERE n.read_ms IS NULL AND {visible}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Marks one notice read (a notice read already keeps its first time); <see langword="false"/> when the caller may see no such notice.</summary>
    public async Task<bool> MarkReadAsync(long id, IReadOnlyList<long>? connectionIds, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id, now = timeProvider.NowMs() });
        var visible = Visible(parameters, connectionIds, "connection_id");
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE notices SET read_ms = COALESCE(read_ms, @now) WHERE id = @id AND {visible}",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    /// <summary>Marks every unread notice the caller may see read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(IReadOnlyList<long>? connectionIds, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { now = timeProvider.NowMs() });
        var visible = Visible(parameters, connectionIds, "connection_id");
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE notices SET read_ms = @now WHERE read_ms IS NULL AND {visible}",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Marks a connection's unread notices of <paramref name="kind"/> read (an alert that no longer holds); returns how many.</summary>
    public async Task<int> MarkKindReadAsync(long connectionId, string kind, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await db.ExecuteAsync(new CommandDefinition(
            "UPDATE notices SET read_ms = @now WHERE connection_id = @connectionId AND kind = @kind AND read_ms IS NULL",
            new { connectionId, kind, now = timeProvider.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Records the e-mail's fate: sent (<paramref name="error"/> null) or why not.</summary>
    public async Task RecordEmailAsync(long id, string? error, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE notices SET emailed_ms = @emailed, email_error = @error WHERE id = @id",
            new { id, emailed = error is null ? timeProvider.NowMs() : (long?)null, error = error is null ? null : Cut(error, 4000) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The filter to the caller's connections (and the hub's own notices), its parameters added.</summary>
    private static string Visible(DynamicParameters parameters, IReadOnlyList<long>? connectionIds, string column = "n.connection_id") =>
        connectionIds is null ? "1 = 1" : $"({column} IS NULL OR {column} IN ({SqlList.In(parameters, "v", connectionIds)}))";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed class Row
    {
        public long Id { get; init; }
        public long? ConnectionId { get; init; }
        public string? ConnectionName { get; init; }
        public string Kind { get; init; } = "";
        public string Severity { get; init; } = "";
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
        public long CreatedMs { get; init; }
        public long? ReadMs { get; init; }
        public long? EmailedMs { get; init; }
        public string? EmailError { get; init; }

        public Notice ToNotice() => new(
            Id, ConnectionId, ConnectionName, Kind, Severity, Title, Body, DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
            ReadMs is { } read ? DateTimeOffset.FromUnixTimeMilliseconds(read) : null,
            EmailedMs is { } emailed ? DateTimeOffset.FromUnixTimeMilliseconds(emailed) : null, EmailError);
    }
}
