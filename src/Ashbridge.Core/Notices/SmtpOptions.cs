using System.ComponentModel.DataAnnotations;

namespace Ashbridge.Core.Notices;

/// <summary>
/// The mail server notices are e-mailed through (<c>Ashbridge:Smtp</c>, e.g. the environment variables
/// <c>Ashbridge__Smtp__Host</c>, <c>Ashbridge__Smtp__Port</c>…). Without a host nothing is e-mailed: notices stay in the app.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Ashbridge:Smtp";

    /// <summary>The mail server's host name; empty: no e-mail.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The account to sign in with, if the server asks for one.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Ashbridge &lt;hub@example.com&gt;</c>; needed with a host.</summary>
    public string? From { get; set; }

    /// <summary>How long one e-mail may take (connect, sign in, send).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a host is set, so e-mails are sent.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured) yield break;
        if (string.IsNullOrWhiteSpace(From) || !MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult(
                $"{Section}:From must be the sender's address (e.g. \"Ashbridge <hub@example.com>\") when {Section}:Host is set.", [nameof(From)]);
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password) && string.IsNullOrEmpty(UserName))
        {
            yield return new ValidationResult($"{Section}:Password is set without {Section}:UserName.", [nameof(UserName)]);
        }
    }
}
