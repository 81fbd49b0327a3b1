using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Open roles remember the posting's <c>updatedAt</c> their description was fetched at, so an import asks
/// <c>jobPosting.info</c> again only for postings Ashby changed (the list carries no description).
/// </summary>
[Migration(16, "Open roles: the posting's updatedAt of the stored description")]
public sealed class OpenRolePostingUpdatedAt : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Alter.Table("open_roles").AddColumn("posting_updated_ms").AsInt64().Nullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Column("posting_updated_ms").FromTable("open_roles");
    }
}
