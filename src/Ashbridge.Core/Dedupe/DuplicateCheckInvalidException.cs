namespace Ashbridge.Core.Dedupe;

/// <summary>The prospect cannot be checked as given; <see cref="Problems"/> says each thing that is wrong.</summary>
public sealed class DuplicateCheckInvalidException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateCheckInvalidException() : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public DuplicateCheckInvalidException(string message) : this([message])
    {
    }

    /// <summary>Creates the exception.</summary>
    public DuplicateCheckInvalidException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    /// <summary>Creates the exception for <paramref name="problems"/>.</summary>
    public DuplicateCheckInvalidException(IReadOnlyList<string> problems) : base(string.Join(" ", problems ?? [])) => Problems = problems ?? [];

    /// <summary>What is wrong, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
