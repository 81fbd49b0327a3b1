using System.Net;

namespace Ashbridge.Ashby;

/// <summary>The API key is missing (HTTP 401) or wrong/deactivated (HTTP 403).</summary>
public sealed class AshbyAuthenticationException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyAuthenticationException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyAuthenticationException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyAuthenticationException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbyAuthenticationException(string message, AshbyErrorData data)
        : base(message, data)
    {
        IsKeyMissing = data.StatusCode == HttpStatusCode.Unauthorized;
    }

    /// <summary><see langword="true"/> for HTTP 401 (no key sent); <see langword="false"/> for HTTP 403 (key wrong or deactivated).</summary>
    public bool IsKeyMissing { get; }
}
