using System.Text;

namespace Ashbridge.Core.NewHires;

/// <summary>
/// Matches a job title, department or place of work against the values members already use. An HR system that
/// insists on exact matches fails on "Sr. Engineer" vs "Sr Engineer"; this suggests the existing value instead.
/// </summary>
public static class ValueMatcher
{
    /// <summary>
    /// The known value <paramref name="value"/> should probably be, when it differs only slightly (case, spacing,
    /// punctuation, or a typo or two); <see langword="null"/> when it matches exactly or nothing is close.
    /// </summary>
    public static string? Suggest(string? value, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (string.IsNullOrWhiteSpace(value)) return null;
        var target = Normalize(value);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal)) return null;
            var normalized = Normalize(candidate);
            var distance = normalized == target ? 0 : Distance(target, normalized);
            if (distance < bestDistance && distance <= Math.Max(1, Math.Min(target.Length, normalized.Length) / 6))
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>Lower case, letters and digits only, single spaces.</summary>
    private static string Normalize(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) text.Append(c);
            else if (char.IsWhiteSpace(c) && text.Length > 0 && text[^1] != ' ') text.Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
