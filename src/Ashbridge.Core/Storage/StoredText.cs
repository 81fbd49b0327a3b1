namespace Ashbridge.Core.Storage;

/// <summary>
/// How the schema stores an enum's value: its name in snake_case (<c>NotRun</c> → <c>not_run</c>), so one-word values
/// read as they always did. The names are computed once per type.
/// </summary>
public static class StoredText
{
    /// <summary>The stored text of <paramref name="value"/>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => Names<T>.Texts.TryGetValue(value, out var text) ? text : SnakeCase(value);

    /// <summary>The value stored as <paramref name="text"/> (also read without underscores, case-insensitively, as stored before).</summary>
    /// <exception cref="FormatException">No value of <typeparamref name="T"/> is stored that way.</exception>
    public static T Parse<T>(string text)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return Names<T>.Values.TryGetValue(text, out var value) ? value
            : Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out value) && Enum.IsDefined(value) ? value
            : throw new FormatException($"'{text}' is not a stored {typeof(T).Name}.");
    }

    private static string SnakeCase<T>(T value)
        where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Texts = Enum.GetValues<T>().ToDictionary(v => v, SnakeCase);
        public static readonly Dictionary<string, T> Values = Texts.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
