using System.Data.Common;

namespace Ashbridge.Core.Storage.Dialects;

/// <summary>Building a table's indexes after its rows, on PostgreSQL: its index builds sort within <c>maintenance_work_mem</c> and spill on their own.</summary>
internal sealed class PostgresBulkLoad : IBulkLoad
{
    public string WriterSettings => "";

    public string IndexesSql => "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table";

    public Task<long?> SortOnDiskAsync(DbConnection db, DbTransaction transaction, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    public Task RestoreSortAsync(DbConnection db, DbTransaction transaction, long previous, CancellationToken cancellationToken) => Task.CompletedTask;
}
