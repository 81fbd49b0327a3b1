using System.Net.Mail;

namespace Ashbridge.Core.Dedupe;

/// <summary>
/// An email address as the check compares it: <see cref="Exact"/> is the address in lower case (how people type it
/// differs, mail servers do not care); <see cref="Canonical"/> also drops a plus tag (<c>jane+ashby@…</c>) and, at
/// Gmail, the dots, which Gmail ignores (googlemail.com is the same mailbox as gmail.com).
/// </summary>
public readonly record struct EmailKey(string Exact, string Canonical)
{
    private static readonly HashSet<string> DotlessDomains = new(StringComparer.Ordinal) { "gmail.com", "googlemail.com" };

    /// <summary>Reads an address; false when it is not one (no single @, no dot in the domain, spaces).</summary>
    public static bool TryParse(string? text, out EmailKey key)
    {
        key = default;
        var value = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > 320) return false;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1) return false;
        var local = value[..at];
        var domain = value[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || value.Any(char.IsWhiteSpace)) return false;
        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value) return false;

        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0) local = local[..plus];
        if (DotlessDomains.Contains(domain))
        {
            local = local.Replace(".", "", StringComparison.Ordinal);
            domain = "gmail.com";
        }

        key = new EmailKey(value, $"{local}@{domain}");
        return true;
    }
}
