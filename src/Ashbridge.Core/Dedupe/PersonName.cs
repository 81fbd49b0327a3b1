using F23.StringSimilarity;

namespace Ashbridge.Core.Dedupe;

/// <summary>
/// A person's first and last name folded for comparison (<see cref="NameFolding"/>), the first name also in its formal
/// form (<see cref="Nicknames"/>). Ashby keeps one <c>name</c>: its first word is the first name and its last word the
/// last name, middle names set aside, and a prospect's names are read the same way.
/// </summary>
public sealed record PersonName(string First, string Last, string FormalFirst)
{
    /// <summary>Below this Jaro-Winkler similarity a name part is a different name, not a typo.</summary>
    public const double TypoThreshold = 0.88;

    private static readonly JaroWinkler Similarity = new();

    /// <summary>Whether there is a last name to match on (a one-word name has only a first).</summary>
    public bool IsComplete => First.Length > 0 && Last.Length > 0;

    /// <summary>Ashby's single <c>name</c>: the first word is the first name, the last word the last name.</summary>
    public static PersonName FromFullName(string? name)
    {
        var words = Words(name);
        return words.Length switch
        {
            0 => From("", ""),
            1 => From(words[0], ""),
            _ => From(words[0], words[^1]),
        };
    }

    /// <summary>A prospect's first and last name (of several words, the first of the first name and the last of the last).</summary>
    public static PersonName FromParts(string? first, string? last)
    {
        var firstWords = Words(first);
        var lastWords = Words(last);
        return From(firstWords.Length > 0 ? firstWords[0] : "", lastWords.Length > 0 ? lastWords[^1] : "");
    }

    /// <summary>
    /// The keys a name is found by without scanning: the last name with the first name's initial, and the first name with
    /// the last name's initial, so a typo in either part still meets the other's key. Initials are the formal name's, so
    /// Bob Smith and Robert Smith share a key.
    /// </summary>
    public IReadOnlyList<string> BlockingKeys()
    {
        if (!IsComplete) return First.Length > 0 ? [$"f:{FormalFirst}|"] : [];
        return [$"l:{Last}|{FormalFirst[0]}", $"f:{FormalFirst}|{Last[0]}"];
    }

    /// <summary>The keys to look a prospect up by: its own, and those of the name the other way round (Smith John).</summary>
    public IReadOnlyList<string> LookupKeys() =>
        [.. BlockingKeys().Concat(new PersonName(Last, First, Nicknames.Formalize(Last)).BlockingKeys()).Distinct(StringComparer.Ordinal)];

    /// <summary>How this name compares with <paramref name="other"/>, or null when they are different names.</summary>
    public NameLikeness? Compare(PersonName other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!IsComplete || !other.IsComplete) return null;
        if (First == other.First && Last == other.Last) return NameLikeness.Same;
        if (First == other.Last && Last == other.First) return NameLikeness.Swapped;
        if (FormalFirst == other.FormalFirst && Last == other.Last) return NameLikeness.Nickname;
        var straight = SimilarFirst(this, other.First, other.FormalFirst) && Similar(Last, other.Last);
        var swapped = SimilarFirst(this, other.Last, Nicknames.Formalize(other.Last)) && Similar(Last, other.First);
        return straight || swapped ? NameLikeness.Typo : null;
    }

    // Jon is short for Jonathan, and a typo of John: the first names are alike if either form is.
    private static bool SimilarFirst(PersonName name, string first, string formal) =>
        Similar(name.First, first) || Similar(name.FormalFirst, formal) || Similar(name.First, formal) || Similar(name.FormalFirst, first);

    private static bool Similar(string a, string b) => a == b || Similarity.Similarity(a, b) >= TypoThreshold;

    private static PersonName From(string first, string last) => new(first, last, Nicknames.Formalize(first));

    private static string[] Words(string? text) =>
        [.. (text ?? "").Split([' ', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Select(NameFolding.Fold).Where(w => w.Length > 0)];
}
