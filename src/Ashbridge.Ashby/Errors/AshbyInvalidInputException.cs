namespace Ashbridge.Ashby;

/// <summary>Ashby rejected the request body (<c>invalid_input</c> or <c>{message, parameter}</c> errors).</summary>
public sealed class AshbyInvalidInputException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyInvalidInputException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyInvalidInputException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyInvalidInputException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbyInvalidInputException(string message, AshbyErrorData data)
        : base(message, data)
    {
        Parameters = [.. data.Errors.Select(e => e.Parameter).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The request parameters Ashby named as invalid (may be empty).</summary>
    public IReadOnlyList<string> Parameters { get; } = [];
}
