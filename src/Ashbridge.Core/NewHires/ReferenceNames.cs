using System.Data.Common;
using Dapper;

namespace Ashbridge.Core.NewHires;

/// <summary>Department and location names by id, read once per refresh (they are few).</summary>
internal sealed record ReferenceNames(IReadOnlyDictionary<string, string> Departments, IReadOnlyDictionary<string, string> Locations)
{
    public static async Task<ReferenceNames> ReadAsync(DbConnection db, long connectionId, CancellationToken cancellationToken)
    {
        async Task<Dictionary<string, string>> Names(string table) =>
            (await db.QueryAsync<(string Id, string? Name)>(new CommandDefinition(
                $"SELECT id, name FROM {table} WHERE connection_id = @connectionId AND deleted_ms IS NULL", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Where(r => r.Name is not null).ToDictionary(r => r.Id, r => r.Name!, StringComparer.Ordinal);
        return new ReferenceNames(await Names("mirror_departments").ConfigureAwait(false), await Names("mirror_locations").ConfigureAwait(false));
    }
}
