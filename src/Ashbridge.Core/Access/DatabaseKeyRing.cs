using System.Xml.Linq;
using Ashbridge.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Ashbridge.Core.Access;

/// <summary>
/// Keeps the hub's Data Protection key ring (which signs sign-in cookies and antiforgery tokens) in its own database,
/// so each hub has its own ring and every node of a cluster shares it. Data Protection calls this synchronously, and
/// rarely: it caches the ring and reads it again only around key rotation.
/// </summary>
public sealed class DatabaseKeyRing(AshbridgeDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = database.ConnectAsync().GetAwaiter().GetResult();
        return [.. db.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = database.ConnectAsync().GetAwaiter().GetResult();
        db.Execute("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml)",
            new { friendlyName = friendlyName ?? "", xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
