namespace Ashbridge.Core.Notices;

/// <summary>
/// Something the hub tells its admins, shown in the app (<c>/notices</c>) and, when SMTP is configured and someone is to
/// be told, e-mailed: an import finished, an import failed, the data went stale.
/// </summary>
/// <param name="ConnectionId">The connection it is about, or <see langword="null"/> for the hub as a whole.</param>
/// <param name="ConnectionName">That connection's name (for the page), or <see langword="null"/>.</param>
/// <param name="Kind">What happened (<see cref="NoticeKinds"/>).</param>
/// <param name="Severity">info, warning or error (<see cref="NoticeSeverity"/>).</param>
/// <param name="EmailedAt">When the e-mail went out, or <see langword="null"/> when none did.</param>
/// <param name="EmailError">Why the e-mail did not go out, or <see langword="null"/>.</param>
public sealed record Notice(
    long Id, long? ConnectionId, string? ConnectionName, string Kind, string Severity, string Title, string Body,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, DateTimeOffset? EmailedAt, string? EmailError)
{
    public bool IsRead => ReadAt is not null;
}
