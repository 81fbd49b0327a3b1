using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ashbridge.Core.Notices;

/// <summary>Sends a notice as a plain-text e-mail through the configured mail server (<see cref="SmtpOptions"/>), one connection per e-mail.</summary>
public sealed class NoticeMailer(IOptions<SmtpOptions> options)
{
    private readonly SmtpOptions _options = options.Value;

    /// <summary>Whether a mail server is configured; without one nothing is e-mailed.</summary>
    public bool IsConfigured => _options.IsConfigured;

    /// <summary>The server as logs and notices name it (host and port; never the account).</summary>
    public string Server => $"{_options.Host}:{_options.Port}";

    /// <summary>Sends one e-mail to <paramref name="recipients"/>.</summary>
    /// <exception cref="InvalidOperationException">No mail server is configured.</exception>
    /// <remarks>Anything the server or the network does wrong is thrown as MailKit throws it (the caller records it).</remarks>
    public async Task SendAsync(IReadOnlyList<string> recipients, string subject, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (_options.Host is not { Length: > 0 } host || string.IsNullOrWhiteSpace(host)) throw new InvalidOperationException($"No mail server: set {SmtpOptions.Section}:Host.");
        if (_options.From is not { Length: > 0 } from) throw new InvalidOperationException($"No sender: set {SmtpOptions.Section}:From.");
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var recipient in recipients) message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };

        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        await client.ConnectAsync(host, _options.Port, Secure(_options.Security), timeout.Token).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", timeout.Token).ConfigureAwait(false);
        }

        await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
    }

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
