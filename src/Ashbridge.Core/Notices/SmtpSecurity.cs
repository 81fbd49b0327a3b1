namespace Ashbridge.Core.Notices;

/// <summary>How the connection to the mail server is secured (MailKit's <c>SecureSocketOptions</c>, by the names operators know).</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on port 465, STARTTLS when the server offers it elsewhere.</summary>
    Auto,

    /// <summary>Plain text (a relay on the same machine or network only).</summary>
    None,

    /// <summary>STARTTLS, required (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
