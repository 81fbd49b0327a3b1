using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Secondary indexes a first full pass dropped from an empty mirror table, with the statement that rebuilds each one
/// once the rows are in (see <c>Sync.DeferredIndexes</c>). Written in the transaction that drops them, so a crash
/// never loses one.
/// </summary>
[Migration(8, "Deferred mirror indexes")]
public sealed class CreateDeferredIndexes : Migration
{
    /// <inheritdoc />
    public override void Up() =>
        Create.Table("mirror_deferred_indexes")
            .WithColumn("table_name").AsString(100).NotNullable().PrimaryKey()
            .WithColumn("index_name").AsString(200).NotNullable().PrimaryKey()
            .WithColumn("create_sql").AsString(int.MaxValue).NotNullable();

    /// <inheritdoc />
    public override void Down() => Delete.Table("mirror_deferred_indexes");
}
