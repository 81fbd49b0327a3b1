using System.Globalization;
using System.Net.Mail;
using System.Text;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Notices;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.AshbyUsers;

/// <summary>
/// The optional weekly e-mail of the access review: what changed about Ashby users since the last one, and the review's
/// counts. Posted as a notice and e-mailed through the hub's SMTP settings (<see cref="Notifier"/>), like other notices.
/// </summary>
public sealed class AccessReviewDigest(
    AshbridgeDatabase database, ConnectionStore connections, AshbyUserDirectory directory, AccessReview review, Notifier notifier, TimeProvider timeProvider)
{
    /// <summary>The notice kind of the weekly e-mail.</summary>
    public const string NoticeKind = "user_access_weekly";

    /// <summary>How long between two e-mails of a connection.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(7);

    /// <summary>The connection's settings (off, no recipients, until saved).</summary>
    public async Task<AccessReviewEmail> SettingsAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QueryFirstOrDefaultAsync<(long Weekly, string Recipients, long? LastSentMs)>(new CommandDefinition(
            "SELECT CASE WHEN weekly_email = TRUE THEN 1 ELSE 0 END, recipients, last_sent_ms FROM user_review_settings WHERE connection_id = @connectionId",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row == default
            ? new AccessReviewEmail(false, [], null)
            : new AccessReviewEmail(row.Weekly == 1, Split(row.Recipients), row.LastSentMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }

    /// <summary>Saves the settings; audited.</summary>
    /// <exception cref="ArgumentException">A recipient is not an e-mail address, or the e-mail is on without recipients.</exception>
    public async Task<AccessReviewEmail> SaveAsync(long connectionId, bool weekly, IReadOnlyList<string> recipients, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Any(r => r is null)) throw new ArgumentException("A recipient is null; give e-mail addresses only.", nameof(recipients));
        var list = recipients.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.FirstOrDefault(r => !MailAddress.TryCreate(r, out _)) is { } bad) throw new ArgumentException($"“{bad}” is not an e-mail address.", nameof(recipients));
        if (weekly && list.Count == 0) throw new ArgumentException("Give at least one recipient for the weekly e-mail.", nameof(recipients));
        var now = timeProvider.NowMs();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var joined = string.Join(",", list);
        var updated = await db.ExecuteAsync(new CommandDefinition(
            "UPDATE user_review_settings SET weekly_email = @weekly, recipients = @joined, updated_ms = @now, updated_by = @actor WHERE connection_id = @connectionId",
            new { connectionId, weekly, joined, now, actor }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (updated == 0)
        {
            await db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO user_review_settings (connection_id, weekly_email, recipients, last_sent_ms, updated_ms, updated_by) VALUES (@connectionId, @weekly, @joined, NULL, @now, @actor)",
                new { connectionId, weekly, joined, now, actor }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await AuditLog.WriteAsync(db, transaction, DateTimeOffset.FromUnixTimeMilliseconds(now), actor, "users.review-email", connectionId.ToString(CultureInfo.InvariantCulture),
            weekly ? $"weekly to {list.Count} recipient(s)" : "off", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return await SettingsAsync(connectionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the e-mail of every connection whose weekly e-mail is on and due; returns how many went.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var dueBefore = now.Subtract(Interval).ToUnixTimeMilliseconds();
        List<long> due;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            due = [.. await db.QueryAsync<long>(new CommandDefinition(
                "SELECT connection_id FROM user_review_settings WHERE weekly_email = TRUE AND (last_sent_ms IS NULL OR last_sent_ms <= @dueBefore) ORDER BY connection_id",
                new { dueBefore }, cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }

        foreach (var connectionId in due) await SendAsync(connectionId, cancellationToken).ConfigureAwait(false);
        return due.Count;
    }

    /// <summary>Posts the review notice now (and e-mails it to the recipients); the next one covers changes from here.</summary>
    public async Task<Notice> SendAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        var connection = await connections.FindAsync(connectionId, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectionNotFoundException($"There is no connection with id {connectionId}.");
        var settings = await SettingsAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var since = settings.LastSentAt ?? now.Subtract(Interval);
        var changes = await directory.ChangesSinceAsync(connectionId, since, cancellationToken).ConfigureAwait(false);
        var report = await review.ReviewAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var body = Body(connection.Name, since, changes, report);
        var notice = await notifier.PostAsync(
            new NewNotice(connectionId, NoticeKind, "info", $"Ashby access review: {changes.Count} change(s) since {since:yyyy-MM-dd}", body), settings.Recipients, cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE user_review_settings SET last_sent_ms = @now WHERE connection_id = @connectionId",
            new { connectionId, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return notice;
    }

    /// <summary>The e-mail's text: the changes, then the review's counts and its findings that need action.</summary>
    internal static string Body(string connection, DateTimeOffset since, IReadOnlyList<UserChange> changes, AccessReviewReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Ashby users of {connection}: what changed since {since:yyyy-MM-dd HH:mm} UTC.\n\n");
        if (changes.Count == 0) text.Append("No changes.\n");
        foreach (var c in changes)
        {
            var detail = c.Before is null && c.After is null ? "" : $" ({c.Before ?? "-"} -> {c.After ?? "-"})"; // plain ASCII: the e-mail stays readable as sent
            text.Append(CultureInfo.InvariantCulture, $"- {c.ChangedAt:yyyy-MM-dd} {c.Kind.Replace('_', ' ')}: {c.Name} <{c.Email}>{detail}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nAccess review: {report.EnabledUsers} enabled of {report.Users} users.\n");
        foreach (var kind in Enum.GetValues<AccessFindingKind>())
        {
            var found = report.Of(kind);
            text.Append(CultureInfo.InvariantCulture, $"\n{UserDirectoryExport.Name(kind)}: {found.Count}\n");
            foreach (var f in found.Where(f => kind is AccessFindingKind.OffboardedStillEnabled or AccessFindingKind.NotInDirectory).Take(50))
            {
                text.Append(CultureInfo.InvariantCulture, $"- {f.User.Name} <{f.User.Email}>\n");
            }
        }

        return text.ToString();
    }

    private static List<string> Split(string recipients) => [.. recipients.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
