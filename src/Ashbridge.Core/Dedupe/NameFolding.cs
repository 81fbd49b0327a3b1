using System.Text;

namespace Ashbridge.Core.Dedupe;

/// <summary>
/// A name part as the check compares it: lower case, accents stripped (José → jose, Müller → muller, Łukasz → lukasz),
/// anything but letters and digits dropped (O'Brien → obrien, Jean-Luc → jeanluc). The hub runs with invariant
/// globalization, where <see cref="string.Normalize()"/> does not decompose, so the Latin letters are folded by table.
/// </summary>
public static class NameFolding
{
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    private static readonly Dictionary<char, string> Ligatures = new() { ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['þ'] = "th", ['ð'] = "d" };

    /// <summary>The folded form of <paramref name="text"/>; empty when nothing in it is a letter or digit.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (Accented.IndexOf(c, StringComparison.Ordinal) is var i and >= 0) builder.Append(Plain[i]);
            else if (Ligatures.TryGetValue(c, out var pair)) builder.Append(pair);
            else if (char.IsLetterOrDigit(c)) builder.Append(c);
        }

        return builder.ToString();
    }
}
