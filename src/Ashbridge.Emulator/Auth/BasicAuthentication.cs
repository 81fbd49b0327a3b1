using System.Text;

namespace Ashbridge.Emulator.Auth;

/// <summary>Reads Ashby's HTTP Basic scheme: the API key is the user name, the password is empty.</summary>
internal static class BasicAuthentication
{
    /// <summary>The key named by the header, or null when the header is missing or is not well-formed Basic credentials.</summary>
    public static string? ReadKey(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        var encoded = authorization.AsSpan(6).Trim();
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written)) return null;
        var text = Encoding.UTF8.GetString(buffer, 0, written);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var key = colon < 0 ? text : text[..colon];
        return key.Length == 0 ? null : key;
    }
}
