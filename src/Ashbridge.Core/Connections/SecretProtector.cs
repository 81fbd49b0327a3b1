using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Core.Connections;

/// <summary>
/// Encrypts secrets at rest (API keys, webhook secrets) with ASP.NET Core Data Protection. Its key ring lives in a
/// <c>keys</c> folder beside the database, readable by the hub's user only: a copy of the database alone reveals no
/// secret, and the hub, the CLI and the tests share one ring by sharing the folder.
/// </summary>
public sealed class SecretProtector
{
    private const string ApplicationName = "Ashbridge";
    private readonly Lazy<IDataProtector> _protector;

    private SecretProtector(Lazy<IDataProtector> protector) => _protector = protector;

    /// <summary>The folder the key ring lives in.</summary>
    public static string KeysFolder(string dataFolder) => Path.Combine(dataFolder, "keys");

    /// <summary>
    /// A protector whose key ring is in <c>keys</c> under <paramref name="dataFolder"/>, created on first use: the hub's
    /// services are built before its database is checked and migrated, and a SQLite file named in a folder that does
    /// not exist must be reported, not hidden by a key ring folder made there first.
    /// </summary>
    public static SecretProtector ForDataFolder(string dataFolder, string purpose = "Ashbridge.Connections.ApiKey.v1") =>
        new(new Lazy<IDataProtector>(() => Create(dataFolder, purpose)));

    private static IDataProtector Create(string dataFolder, string purpose)
    {
        var folder = Directory.CreateDirectory(KeysFolder(dataFolder));
        if (!OperatingSystem.IsWindows())
        {
            folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(folder);
        // The provider is kept for the process's life: Data Protection caches its key ring in it.
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);
    }

    /// <summary>Encrypts a secret.</summary>
    public string Protect(string secret) => _protector.Value.Protect(secret);

    /// <summary>Decrypts a secret.</summary>
    /// <exception cref="ConnectionSecretUnreadableException">The key ring that encrypted it is gone.</exception>
    public string Unprotect(string protectedSecret, string what)
    {
        try
        {
            return _protector.Value.Unprotect(protectedSecret);
        }
        catch (CryptographicException ex)
        {
            throw new ConnectionSecretUnreadableException(
                $"The stored {what} cannot be decrypted: the encryption keys beside the database were lost or replaced. Enter it again.", ex);
        }
    }
}
