namespace Ashbridge.Core.NewHires;

/// <summary>The reviewer's values were refused (a required field is empty, a value does not fit); the message lists each.</summary>
public sealed class NewHireInvalidException : Exception
{
    public NewHireInvalidException() { }

    public NewHireInvalidException(string message) : base(message) { }

    public NewHireInvalidException(string message, Exception? innerException) : base(message, innerException) { }

    public NewHireInvalidException(IReadOnlyList<string> problems) : base(string.Join(" ", problems ?? [])) => Problems = problems ?? [];

    /// <summary>Each problem on its own.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
