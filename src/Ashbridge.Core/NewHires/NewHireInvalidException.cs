namespace Ashbridge.Core.NewHires;

/// <summary>The reviewer's values were refused (a required field is empty, a value does not fit); the message lists each.</summary>
public sealed class NewHireInvalidException : Exception
{
    public NewHireInvalidException() { }

    public NewHireInvalidException(string message) : base(message) { }

    public NewHireInvalidException(string message, Exception? innerException) : base(message, innerException) { }

    public NewHireInvalidException(IReadOnlyList<string> problems) : base(string.Join(" ", problems ?? [])) => Problems = problems ?? [];

    /// <summary>Problems with the field each is about, so a form can show each beside its field.</summary>
    public NewHireInvalidException(IReadOnlyList<string> problems, IReadOnlyDictionary<string, string> fields) : this(problems) =>
        Fields = fields ?? new Dictionary<string, string>();

    /// <summary>Each problem on its own.</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    /// <summary>Field key → what is wrong with its value (without the field's name), for the problems about one field.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>();
}
