using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Core.Access;

/// <summary>Decrypts a key sealed by <see cref="KeyRingEncryptor"/>; Data Protection makes it with the hub's services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<KeyRingKey>();
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        if (sealedBytes.Length < KeyRingEncryptor.NonceSize + KeyRingEncryptor.TagSize)
        {
            throw new CryptographicException("A stored Data Protection key is damaged.");
        }

        var plain = new byte[sealedBytes.Length - KeyRingEncryptor.NonceSize - KeyRingEncryptor.TagSize];
        using (var aes = new AesGcm(key.Bytes, KeyRingEncryptor.TagSize))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, KeyRingEncryptor.NonceSize), sealedBytes.AsSpan(KeyRingEncryptor.NonceSize + KeyRingEncryptor.TagSize),
                sealedBytes.AsSpan(KeyRingEncryptor.NonceSize, KeyRingEncryptor.TagSize), plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
