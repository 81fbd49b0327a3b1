using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// Signed, expiring links to the emulator's file routes (<c>/_emulator/files/{handle}</c> to download,
/// <c>/_emulator/uploads/{handle}</c> to upload), standing in for Ashby's presigned storage URLs. The signature is an
/// HMAC-SHA256 over the handle and expiry, keyed from the seed; the host's address is read when a link is made.
/// </summary>
internal static class FileLinks
{
    /// <summary>How long a download or upload link stays usable.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public const string DownloadPath = "/_emulator/files/";
    public const string UploadPath = "/_emulator/uploads/";

    private static readonly ConditionalWeakTable<EmulatorServices, Func<string?>> BaseUrls = new();

    /// <summary>Called when the control routes are mapped: how to find the address the host listens on.</summary>
    public static void RegisterBaseUrl(EmulatorServices services, Func<string?> baseUrl) => BaseUrls.AddOrUpdate(services, baseUrl);

    public static string Download(EmulatorServices services, string handle, out long expiresMs) => Link(services, DownloadPath, handle, out expiresMs);

    public static string Upload(EmulatorServices services, string handle, out long expiresMs) => Link(services, UploadPath, handle, out expiresMs);

    public static string Signature(EmulatorServices services, string handle, long expiresMs)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("ashby-emulator-files:" + services.Options.Seed));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(handle + "\n" + expiresMs));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }

    /// <summary>Whether a link's signature matches and it has not expired.</summary>
    public static bool IsValid(EmulatorServices services, string handle, string? expires, string? signature, out bool expired)
    {
        expired = false;
        if (!long.TryParse(expires, out var expiresMs) || signature is null) return false;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Signature(services, handle, expiresMs)))) return false;
        expired = services.NowMs > expiresMs;
        return !expired;
    }

    private static string Link(EmulatorServices services, string path, string handle, out long expiresMs)
    {
        expiresMs = services.NowMs + (long)Lifetime.TotalMilliseconds;
        var baseUrl = (BaseUrls.TryGetValue(services, out var find) ? find() : null) ?? "http://127.0.0.1:5080";
        return $"{baseUrl.TrimEnd('/')}{path}{Uri.EscapeDataString(handle)}?expires={expiresMs}&signature={Signature(services, handle, expiresMs)}";
    }
}
