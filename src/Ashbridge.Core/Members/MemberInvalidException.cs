namespace Ashbridge.Core.Members;

/// <summary>An edit or offboarding refused: what is wrong, by field (the member field's name, e.g. <c>personal_email</c>), in people's words.</summary>
public sealed class MemberInvalidException : Exception
{
    public MemberInvalidException(IReadOnlyDictionary<string, string> problems)
        : base(string.Join(" ", (problems ?? throw new ArgumentNullException(nameof(problems))).Values)) => Problems = problems;

    public MemberInvalidException()
        : this(new Dictionary<string, string>(StringComparer.Ordinal))
    {
    }

    public MemberInvalidException(string message)
        : this(new Dictionary<string, string>(StringComparer.Ordinal) { [""] = message })
    {
    }

    public MemberInvalidException(string message, Exception innerException)
        : base(message, innerException) => Problems = new Dictionary<string, string>(StringComparer.Ordinal) { [""] = message };

    /// <summary>Field name → what is wrong with it.</summary>
    public IReadOnlyDictionary<string, string> Problems { get; }
}
