using System.Data.Common;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Tests.Storage;

/// <summary>What the database says about a mirror table's schema, on either provider.</summary>
internal static class MirrorSchema
{
    /// <summary>The table's indexes (its unique key among them) as "name: definition", by name.</summary>
    public static async Task<List<string>> IndexesAsync(DbConnection connection, DatabaseProvider provider, string table) =>
        [.. await connection.QueryAsync<string>(new CommandDefinition(provider == DatabaseProvider.Sqlite
            ? "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name"
            : "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table ORDER BY indexname",
            new { table }, cancellationToken: TestContext.Current.CancellationToken))];
}
