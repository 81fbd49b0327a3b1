using System.Security.Cryptography;
using System.Text.Json;
using Ashbridge.Core.Connections;
using Ashbridge.Core.OpenRoles;

namespace Ashbridge.Core.Careers;

/// <summary>
/// The public careers feed: a connection's listed open roles, for a company's website to show without an Ashby key. Off
/// unless an admin turns it on (<see cref="OpenRoleSettings.PublicFeed"/>). Never an unlisted posting, never a
/// confidential job's (even when the connection takes confidential roles in), never anything internal (the hiring team,
/// openings, descriptions' drafts): only what Ashby's own job board shows.
/// </summary>
public sealed class CareersFeed(ConnectionStore connections, OpenRolePolicy policy, OpenRoleCatalog catalog)
{
    /// <summary>The feed of the connection named <paramref name="connection"/>, or <see langword="null"/> when there is no such connection or its feed is off (one answer for both, so the feed tells strangers nothing).</summary>
    public async Task<CareersFeedContent?> FindAsync(string connection, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(connection) || connection.Length > 200) return null;
        if (await connections.FindAsync(connection, cancellationToken).ConfigureAwait(false) is not { } found) return null;
        if (!(await policy.GetAsync(found.Id, cancellationToken).ConfigureAwait(false)).PublicFeed) return null;
        var roles = (await catalog.ListAsync(found.Id, listedOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false))
            .Where(r => r.IsListed && !r.IsConfidential && r.IsOpen)
            .Select(r => new CareersRole(r.PostingId, r.Title, r.DepartmentName, r.LocationName, r.EmploymentType, r.PostingUrl ?? r.ApplyUrl, r.PostedAt))
            .ToList();
        return new CareersFeedContent(found.Name, roles, ETagOf(found.Name, roles));
    }

    /// <summary>A strong tag over what the feed shows (SHA-256 of its JSON, cut to 128 bits).</summary>
    private static string ETagOf(string connection, IReadOnlyList<CareersRole> roles)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new { connection, roles }, OpenRoleCatalog.JsonOptions);
        return $"\"{Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 16))}\"";
    }
}
