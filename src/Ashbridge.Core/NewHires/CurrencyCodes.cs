namespace Ashbridge.Core.NewHires;

/// <summary>ISO 4217 currency codes for the salary's currency: the ones most offers use, with their names.</summary>
public static class CurrencyCodes
{
    /// <summary>Code → name, in the order the review form lists them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Common { get; } =
    [
        new("USD", "US dollar"), new("EUR", "Euro"), new("GBP", "Pound sterling"), new("CAD", "Canadian dollar"),
        new("AUD", "Australian dollar"), new("NZD", "New Zealand dollar"), new("CHF", "Swiss franc"), new("SEK", "Swedish krona"),
        new("NOK", "Norwegian krone"), new("DKK", "Danish krone"), new("PLN", "Polish złoty"), new("CZK", "Czech koruna"),
        new("HUF", "Hungarian forint"), new("RON", "Romanian leu"), new("JPY", "Japanese yen"), new("CNY", "Chinese yuan"),
        new("HKD", "Hong Kong dollar"), new("SGD", "Singapore dollar"), new("INR", "Indian rupee"), new("KRW", "South Korean won"),
        new("ILS", "Israeli new shekel"), new("AED", "UAE dirham"), new("ZAR", "South African rand"), new("BRL", "Brazilian real"),
        new("MXN", "Mexican peso"), new("ARS", "Argentine peso"), new("COP", "Colombian peso"), new("CLP", "Chilean peso"),
        new("PHP", "Philippine peso"), new("TRY", "Turkish lira"), new("UAH", "Ukrainian hryvnia"), new("NGN", "Nigerian naira"),
    ];

    /// <summary>The list for a form: the common codes, with <paramref name="current"/> first-class when it is not one of them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> WithCurrent(string? current) =>
        string.IsNullOrEmpty(current) || Common.Any(c => c.Key == current) ? Common : [new(current, current), .. Common];
}
