using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ashbridge.Emulator.Auth;

/// <summary>
/// The organisation's API keys: those of <c>--keys FILE</c>, or else one demo key with every permission and both flags.
/// The keys file is a JSON array of
/// <c>{"key","title","permissions":[...],"allowConfidential","allowPrivateFields","deactivated"}</c>.
/// </summary>
internal sealed class ApiKeyStore
{
    private readonly Dictionary<string, ApiKey> _keys;

    private ApiKeyStore(Dictionary<string, ApiKey> keys, string demoKey)
    {
        _keys = keys;
        DemoKey = demoKey;
    }

    /// <summary>A key with every permission (the first enabled key with every permission, or the generated demo key).</summary>
    public string DemoKey { get; }

    public IEnumerable<ApiKey> All => _keys.Values;

    public ApiKey? Find(string key) => _keys.GetValueOrDefault(key);

    public static ApiKeyStore Load(string? keysFile, int seed, long createdMs)
    {
        var keys = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
        if (keysFile is null)
        {
            var demo = DemoKeyFor(seed);
            keys[demo] = new ApiKey(demo, "Emulator demo key", new HashSet<string>(Permissions.All, StringComparer.Ordinal), true, true, false, createdMs);
            return new ApiKeyStore(keys, demo);
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(keysFile));
        if (document.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{keysFile}: expected a JSON array of keys.");
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var key = entry.GetProperty("key").GetString() ?? throw new InvalidDataException($"{keysFile}: a key has no \"key\".");
            var permissions = new HashSet<string>(StringComparer.Ordinal);
            if (entry.TryGetProperty("permissions", out var list))
            {
                foreach (var p in list.EnumerateArray())
                {
                    var name = p.GetString() ?? "";
                    if (!Permissions.All.Contains(name)) throw new InvalidDataException($"{keysFile}: unknown permission '{name}' (known: {string.Join(", ", Permissions.All)}).");
                    permissions.Add(name);
                }
            }

            keys[key] = new ApiKey(
                key,
                entry.TryGetProperty("title", out var title) ? title.GetString() ?? key : key,
                permissions,
                Flag(entry, "allowConfidential"),
                Flag(entry, "allowPrivateFields"),
                Flag(entry, "deactivated"),
                createdMs);
        }

        var full = keys.Values.FirstOrDefault(k => !k.Deactivated && k.Permissions.Count == Permissions.All.Length);
        return new ApiKeyStore(keys, full?.Key ?? keys.Values.FirstOrDefault(k => !k.Deactivated)?.Key ?? "");
    }

    private static bool Flag(JsonElement entry, string name) => entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The demo key is derived from the seed, so a restarted emulator keeps the same key.</summary>
    private static string DemoKeyFor(int seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("ashby-emulator-demo-key:" + seed.ToString(CultureInfo.InvariantCulture)));
        return "emu_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
