using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ashbridge.Core.Notices;

/// <summary>
/// Posts a notice in the app and e-mails it. The notice is kept whatever the mail server says: a failed e-mail is
/// recorded on it (<see cref="Notice.EmailError"/>) and logged (server and reason, never the account or its password),
/// and never thrown to the caller (an import must not fail because a mail server is down).
/// </summary>
public sealed partial class Notifier(NoticeBoard board, NoticeMailer mailer, ILogger<Notifier>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Posts <paramref name="notice"/> and e-mails it to <paramref name="recipients"/> (when a mail server is configured and there are any); returns it as stored.</summary>
    public async Task<Notice> PostAsync(NewNotice notice, IReadOnlyList<string> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(recipients);
        var posted = await board.AddAsync(notice, cancellationToken).ConfigureAwait(false);
        if (recipients.Count == 0 || !mailer.IsConfigured) return posted;

        string? error = null;
        try
        {
            await mailer.SendAsync(recipients, $"[Ashbridge] {(posted.ConnectionName is { } name ? name + ": " : "")}{notice.Title}", EmailText(posted), cancellationToken).ConfigureAwait(false);
            Emailed(_logger, posted.Id, recipients.Count, mailer.Server);
        }
        // The mail server is someone else's: whatever it or the network does (refused, timed out, a bad answer, a
        // refused sign-in) is recorded on the notice; only the caller's own cancellation goes up.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"The e-mail could not be sent through {mailer.Server}: {ex.Message}";
            EmailFailed(_logger, posted.Id, mailer.Server, ex.GetType().Name, ex.Message);
        }

        await board.RecordEmailAsync(posted.Id, error, CancellationToken.None).ConfigureAwait(false);
        return await board.FindAsync(posted.Id, null, CancellationToken.None).ConfigureAwait(false) ?? posted;
    }

    /// <summary>The e-mail's text: the notice's words, what it is about and when.</summary>
    private static string EmailText(Notice notice) =>
        $"{notice.Title}\n\n{notice.Body}\n\n"
        + (notice.ConnectionName is { } name ? $"Connection: {name}\n" : "")
        + $"When: {notice.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC\n"
        + "All notices: /notices in Ashbridge.\n";

    [LoggerMessage(1, LogLevel.Information, "Notice {NoticeId} e-mailed to {Recipients} recipient(s) through {Server}")]
    private static partial void Emailed(ILogger logger, long noticeId, int recipients, string server);

    [LoggerMessage(2, LogLevel.Warning, "Notice {NoticeId} was kept but not e-mailed through {Server}: {ErrorType}: {Error}")]
    private static partial void EmailFailed(ILogger logger, long noticeId, string server, string errorType, string error);
}
