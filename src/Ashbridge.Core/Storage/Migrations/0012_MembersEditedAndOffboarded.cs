using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Members can be edited and offboarded: when and by whom a member was last changed, and when, from which day and by whom
/// they were offboarded (a reinstated member has these cleared). The delivery log is read per member (a member's page
/// shows whether they were delivered; the outbound page finds members never sent), so it gets an index on member_id.
/// </summary>
[Migration(12, "Members edited and offboarded")]
public sealed class MembersEditedAndOffboarded : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Alter.Table("members")
            .AddColumn("updated_ms").AsInt64().Nullable()
            .AddColumn("updated_by").AsString(320).Nullable()
            .AddColumn("offboarded_ms").AsInt64().Nullable()
            .AddColumn("offboard_date").AsString(10).Nullable()
            .AddColumn("offboarded_by").AsString(320).Nullable();
        Create.Index("ix_outbound_deliveries_member").OnTable("outbound_deliveries").OnColumn("member_id").Ascending().OnColumn("id").Descending();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Index("ix_outbound_deliveries_member").OnTable("outbound_deliveries");
        Delete.Column("updated_ms").Column("updated_by").Column("offboarded_ms").Column("offboard_date").Column("offboarded_by").FromTable("members");
    }
}
