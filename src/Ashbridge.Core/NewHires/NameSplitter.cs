namespace Ashbridge.Core.NewHires;

/// <summary>
/// Splits Ashby's single name into first and last: the last word is the last name, with the particles before it
/// ("van der Berg", "de la Cruz"), and everything before is the first name. The reviewer can correct either part.
/// </summary>
public static class NameSplitter
{
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "von", "der", "den", "de", "del", "della", "da", "das", "do", "dos", "di", "du", "la", "le", "st.", "bin", "ibn", "al", "ter", "ten",
    };

    /// <summary>The first and last name; either is <see langword="null"/> when the name does not have it.</summary>
    public static (string? First, string? Last) Split(string? name)
    {
        var words = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return (null, null);
        if (words.Length == 1) return (words[0], null);
        var lastStart = words.Length - 1;
        while (lastStart > 1 && Particles.Contains(words[lastStart - 1])) lastStart--;
        return (string.Join(' ', words[..lastStart]), string.Join(' ', words[lastStart..]));
    }
}
