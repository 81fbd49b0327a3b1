using System.Globalization;
using System.Text;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Notices;

/// <summary>
/// Tells the admins when an import of open roles ends: a notice in the app and an e-mail to the connection's
/// <see cref="OpenRoleSettings.NotifyEmails"/> with the counts (new, changed, closed) and the roles that came and went;
/// an alert when it failed. Imports after every pass and webhook are frequent, so those are told only when something
/// changed; manual and scheduled imports always are.
/// </summary>
public sealed class OpenRoleImportNotices(AshbridgeDatabase database, OpenRolePolicy policy, Notifier notifier, NoticeBoard board) : IOpenRoleImportObserver
{
    /// <summary>The most role titles an e-mail names per list; the rest are counted.</summary>
    public const int MaxNamed = 20;

    /// <inheritdoc />
    public async Task ImportFinishedAsync(OpenRoleImportResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var frequent = result.Trigger is "pass" or "webhook";
        if (result.Succeeded && frequent && result.New + result.Changed + result.Closed == 0) return;

        var settings = await policy.GetAsync(result.ConnectionId, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await notifier.PostAsync(Failed(result), settings.NotifyEmails, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A good import answers any staleness alert still open: the data is fresh again.
        await board.MarkKindReadAsync(result.ConnectionId, NoticeKinds.OpenRolesStale, cancellationToken).ConfigureAwait(false);
        var body = await ImportedBodyAsync(result, cancellationToken).ConfigureAwait(false);
        await notifier.PostAsync(
            new NewNotice(result.ConnectionId, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, Counts(result), body),
            settings.NotifyEmails, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Open roles imported: 3 new, 1 changed, 2 closed".</summary>
    public static string Counts(OpenRoleImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(CultureInfo.InvariantCulture, $"Open roles imported: {result.New} new, {result.Changed} changed, {result.Closed} closed");
    }

    private static NewNotice Failed(OpenRoleImportResult result) => new(
        result.ConnectionId, NoticeKinds.OpenRolesImportFailed, NoticeSeverity.Error, "Open roles import failed",
        $"The {Trigger(result.Trigger)} import of open roles that started {When(result.StartedAt)} failed: {result.Error}\n\n"
        + "The open roles stay as the last good import left them. What to do: open the connection's page and check its last "
        + "sync and its API key (it needs read access to jobs and job postings), then press \"Import now\" on the open roles page. "
        + "If it fails again, the hub's log has the details.");

    /// <summary>The counts, then the roles that are new and those that closed in this import (read back by their times, which the import set).</summary>
    private async Task<string> ImportedBodyAsync(OpenRoleImportResult result, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"The {Trigger(result.Trigger)} import that finished {When(result.FinishedAt)} found ")
            .Append(CultureInfo.InvariantCulture, $"{result.New} new, {result.Changed} changed and {result.Closed} closed open roles.");
        var window = new { connectionId = result.ConnectionId, from = result.StartedAt.ToUnixTimeMilliseconds(), to = result.FinishedAt.ToUnixTimeMilliseconds(), limit = MaxNamed + 1 };
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (result.New > 0)
        {
            var titles = await db.QueryAsync<string>(new CommandDefinition(
                "SELECT title FROM open_roles WHERE connection_id = @connectionId AND first_seen_ms BETWEEN @from AND @to AND closed_ms IS NULL ORDER BY title LIMIT @limit",
                window, cancellationToken: cancellationToken)).ConfigureAwait(false);
            List(text, "New", [.. titles], result.New);
        }

        if (result.Closed > 0)
        {
            var titles = await db.QueryAsync<string>(new CommandDefinition(
                "SELECT title FROM open_roles WHERE connection_id = @connectionId AND closed_ms BETWEEN @from AND @to ORDER BY title LIMIT @limit",
                window, cancellationToken: cancellationToken)).ConfigureAwait(false);
            List(text, "Closed", [.. titles], result.Closed);
        }

        return text.ToString();
    }

    private static void List(StringBuilder text, string heading, IReadOnlyList<string> titles, int count)
    {
        if (titles.Count == 0) return;
        text.Append("\n\n").Append(heading).Append(':');
        foreach (var title in titles.Take(MaxNamed)) text.Append("\n- ").Append(title);
        var more = Math.Max(count, titles.Count) - Math.Min(titles.Count, MaxNamed);
        if (more > 0) text.Append(CultureInfo.InvariantCulture, $"\n- and {more} more");
    }

    private static string Trigger(string trigger) => trigger switch
    {
        "manual" => "manual",
        "schedule" => "scheduled",
        "webhook" => "webhook",
        "pass" => "after-sync",
        _ => trigger,
    };

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
