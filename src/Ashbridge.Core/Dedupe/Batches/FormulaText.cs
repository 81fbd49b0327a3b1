using System.Text.RegularExpressions;

namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>
/// CSV text a spreadsheet would run as a formula when the file is opened (CSV injection): a cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>. A phone number such as <c>+44 20 7946 0018</c> or a plain negative number
/// starts with <c>+</c> or <c>-</c> too and is not one.
/// </summary>
public static partial class FormulaText
{
    /// <summary>Whether <paramref name="cell"/> (trimmed) would run as a formula.</summary>
    public static bool IsFormula(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length == 0) return false;
        return cell[0] switch
        {
            '=' or '@' => true,
            '+' or '-' => !PhoneLike().IsMatch(cell),
            _ => false,
        };
    }

    [GeneratedRegex(@"^[+\-][0-9 ().\-/]*[0-9][0-9 ().\-/]*(\s*(x|ext\.?)\s*[0-9]+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhoneLike();
}
