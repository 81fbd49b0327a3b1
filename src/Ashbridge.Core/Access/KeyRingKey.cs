using System.Security.Cryptography;

namespace Ashbridge.Core.Access;

/// <summary>
/// The 256-bit key that encrypts the hub's Data Protection key ring where it is stored (the database): from
/// configuration (<c>Ashbridge:DataProtection:Key</c>, base64, shared by every node of a cluster), else from
/// <c>keyring.key</c> in the data folder, made on first start and readable by its owner only. A copy of the database
/// alone therefore forges no cookie.
/// </summary>
public sealed class KeyRingKey
{
    /// <summary>The key file's name in the data folder.</summary>
    public const string FileName = "keyring.key";

    private readonly byte[] _key;

    private KeyRingKey(byte[] key) => _key = key;

    /// <summary>The key's bytes (32).</summary>
    public ReadOnlySpan<byte> Bytes => _key;

    /// <summary>The configured key, else the data folder's key file (made if missing).</summary>
    /// <exception cref="FormatException">The configured key is not 32 bytes of base64; the message says how to make one.</exception>
    public static KeyRingKey From(string? configured, string dataFolder)
    {
        if (configured is { Length: > 0 })
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configured.Trim());
            }
            catch (FormatException)
            {
                key = [];
            }

            return key.Length == 32 ? new KeyRingKey(key)
                : throw new FormatException("Ashbridge:DataProtection:Key must be 32 random bytes in base64 (make one with: openssl rand -base64 32).");
        }

        var file = Path.Combine(dataFolder, FileName);
        if (File.Exists(file)) return new KeyRingKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
        Directory.CreateDirectory(dataFolder);
        var made = RandomNumberGenerator.GetBytes(32);
        // Created owner-only from the start, so the key is never readable by others even for a moment.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(file, options);
            writer.Write(Convert.ToBase64String(made));
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process (the CLI, a second node on the same folder) made it first: use theirs.
            return new KeyRingKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
        }

        return new KeyRingKey(made);
    }
}
