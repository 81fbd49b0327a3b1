using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Dapper;

namespace Ashbridge.Core.AshbyUsers;

/// <summary>
/// Records what changed about Ashby users: the mirror keeps only current rows, so after each pass that touched users the
/// mirror is compared with the values the previous pass saw (<c>user_directory_state</c>), and each difference becomes a
/// <c>user_changes</c> row. A connection's first pass is the baseline: its users are remembered, no change recorded.
/// </summary>
public sealed class UserChangeTracker(AshbridgeDatabase database, TimeProvider timeProvider) : IMirrorObserver
{
    /// <inheritdoc />
    public async Task MirrorChangedAsync(long connectionId, IReadOnlyCollection<string> streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (!streams.Contains(MirrorStreams.Users.Name)) return;
        var now = timeProvider.NowMs();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var current = (await db.QueryAsync<Seen>(new CommandDefinition(
            "SELECT id AS UserId, email AS Email, TRIM(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) AS Name, global_role AS GlobalRole, " +
            "CASE WHEN is_enabled = TRUE THEN 1 ELSE 0 END AS Enabled, CASE WHEN deleted_ms IS NULL THEN 0 ELSE 1 END AS Removed FROM mirror_users WHERE connection_id = @connectionId",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var before = (await db.QueryAsync<Seen>(new CommandDefinition(
            "SELECT user_id AS UserId, email AS Email, name AS Name, global_role AS GlobalRole, CASE WHEN is_enabled = TRUE THEN 1 ELSE 0 END AS Enabled, " +
            "CASE WHEN is_removed = TRUE THEN 1 ELSE 0 END AS Removed FROM user_directory_state WHERE connection_id = @connectionId",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(s => s.UserId, StringComparer.Ordinal);
        var baseline = before.Count == 0;
        var changes = new List<ChangeRow>();
        var states = new List<StateRow>();
        foreach (var user in current)
        {
            if (before.TryGetValue(user.UserId, out var old) && old.SameAs(user)) continue;
            states.Add(new StateRow(connectionId, user.UserId, user.Email, user.Name, user.GlobalRole, user.Enabled == 1, user.Removed == 1, old is null));
            if (baseline) continue;
            void Change(string kind, string? from, string? to) => changes.Add(new ChangeRow(connectionId, user.UserId, user.Email, user.Name, kind, from, to, now));
            if (old is null)
            {
                if (user.Removed == 0) Change(UserChangeKinds.Added, null, user.GlobalRole);
                continue;
            }

            if (old.Removed == 0 && user.Removed == 1) Change(UserChangeKinds.Removed, null, null);
            if (old.GlobalRole != user.GlobalRole) Change(UserChangeKinds.RoleChanged, old.GlobalRole, user.GlobalRole);
            if (old.Enabled == 1 && user.Enabled == 0) Change(UserChangeKinds.Deactivated, null, null);
            if (old.Enabled == 0 && user.Enabled == 1) Change(UserChangeKinds.Reactivated, null, null);
            if (!string.Equals(old.Email, user.Email, StringComparison.Ordinal)) Change(UserChangeKinds.EmailChanged, old.Email, user.Email);
            if (!string.Equals(old.Name, user.Name, StringComparison.Ordinal)) Change(UserChangeKinds.Renamed, old.Name, user.Name);
        }

        if (states.Count == 0) return;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_directory_state WHERE connection_id = @ConnectionId AND user_id = @UserId", states.Where(s => !s.IsNew), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO user_directory_state (connection_id, user_id, email, name, global_role, is_enabled, is_removed) VALUES (@ConnectionId, @UserId, @Email, @Name, @Role, @Enabled, @Removed)",
            states, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changes.Count > 0)
        {
            await db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO user_changes (connection_id, user_id, email, name, kind, before_value, after_value, changed_ms) VALUES (@ConnectionId, @UserId, @Email, @Name, @Kind, @Before, @After, @ChangedMs)",
                changes, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record StateRow(long ConnectionId, string UserId, string? Email, string Name, string? Role, bool Enabled, bool Removed, bool IsNew);

    private sealed record ChangeRow(long ConnectionId, string UserId, string? Email, string Name, string Kind, string? Before, string? After, long ChangedMs);

    private sealed class Seen
    {
        public string UserId { get; set; } = "";

        public string? Email { get; set; }

        public string Name { get; set; } = "";

        public string? GlobalRole { get; set; }

        public long Enabled { get; set; }

        public long Removed { get; set; }

        public bool SameAs(Seen other) =>
            Email == other.Email && Name == other.Name && GlobalRole == other.GlobalRole && Enabled == other.Enabled && Removed == other.Removed;
    }
}
