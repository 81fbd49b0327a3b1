using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Open roles remember the posting's <c>updatedAt</c> their description was fetched at, so an import asks
/// <c>jobPosting.info</c> again only for postings Ashby changed (the list carries no description); and when each
/// connection's open roles were last rebuilt successfully, recorded or not (imports after a pass that changed nothing
/// are not in the history), for the staleness alert.
/// </summary>
[Migration(16, "Open roles: the posting's updatedAt of the stored description, and the last rebuild")]
public sealed class OpenRolePostingUpdatedAt : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Alter.Table("open_roles").AddColumn("posting_updated_ms").AsInt64().Nullable();
        Create.Table("open_role_refreshes")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_open_role_refreshes_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("refreshed_ms").AsInt64().NotNullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("open_role_refreshes");
        Delete.Column("posting_updated_ms").FromTable("open_roles");
    }
}
