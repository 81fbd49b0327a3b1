using System.Globalization;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Notices;

/// <summary>
/// The staleness alert: for each connection with a threshold (<see cref="OpenRoleSettings.StaleAfter"/>), when its last
/// good import of open roles finished longer ago than that, one warning notice and e-mail. Not again until a newer
/// import succeeds (the alert is remembered as a notice newer than that import); a connection never imported is not
/// stale, it is new. The hub runs <see cref="CheckAsync"/> every minute; tests call it with a fake clock.
/// </summary>
public sealed class OpenRoleStaleness(AshbridgeDatabase database, OpenRolePolicy policy, Notifier notifier, TimeProvider timeProvider)
{
    /// <summary>How often the hub checks.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Raises the alerts that are due; returns the notices raised.</summary>
    public async Task<IReadOnlyList<Notice>> CheckAsync(CancellationToken cancellationToken = default)
    {
        List<Candidate> due;
        var now = timeProvider.NowMs();
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            // Per connection with a threshold: its last good import, and whether an alert was raised after it.
            var rows = await db.QueryAsync<Candidate>(new CommandDefinition(
                """
                SELECT s.connection_id AS ConnectionId, s.stale_after_minutes AS StaleAfterMinutes,
                       (SELECT MAX(i.finished_ms) FROM open_role_imports i WHERE i.connection_id = s.connection_id AND i.state = 'succeeded') AS LastSucceededMs
                FROM open_role_settings s WHERE s.stale_after_minutes IS NOT NULL
                """, cancellationToken: cancellationToken)).ConfigureAwait(false);
            due = [];
            foreach (var row in rows)
            {
                if (row.LastSucceededMs is not { } last || now - last <= row.StaleAfterMinutes * 60_000L) continue;
                var alerted = await db.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM notices WHERE connection_id = @ConnectionId AND kind = @kind AND created_ms >= @LastSucceededMs",
                    new { row.ConnectionId, kind = NoticeKinds.OpenRolesStale, row.LastSucceededMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (alerted == 0) due.Add(row);
            }
        }

        var raised = new List<Notice>();
        foreach (var row in due)
        {
            var settings = await policy.GetAsync(row.ConnectionId, cancellationToken).ConfigureAwait(false);
            var last = DateTimeOffset.FromUnixTimeMilliseconds(row.LastSucceededMs!.Value);
            var threshold = Duration(TimeSpan.FromMinutes(row.StaleAfterMinutes));
            raised.Add(await notifier.PostAsync(new NewNotice(
                row.ConnectionId, NoticeKinds.OpenRolesStale, NoticeSeverity.Warning, $"Open roles are older than {threshold}",
                $"The last good import of open roles finished {last.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}, "
                + $"more than {threshold} ago (the threshold set for this connection), so the open roles, the org chart and the careers feed may be out of date.\n\n"
                + "What to do: open the connection's page and check that its syncs and webhooks run, then press \"Import now\" on the open roles page. "
                + "This alert is sent once; the next good import clears it."), settings.NotifyEmails, cancellationToken).ConfigureAwait(false));
        }

        return raised;
    }

    /// <summary>"90 minutes", "6 hours", "2 days".</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? Plural((int)span.TotalDays, "day")
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? Plural((int)span.TotalHours, "hour")
        : Plural((int)Math.Round(span.TotalMinutes), "minute");

    private static string Plural(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");

    private sealed class Candidate
    {
        public long ConnectionId { get; init; }
        public int StaleAfterMinutes { get; init; }
        public long? LastSucceededMs { get; init; }
    }
}
