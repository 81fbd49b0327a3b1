using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// The org chart: one person per e-mail address across the hub (from members, Ashby users and CSV imports), each with at
/// most one manager, and where an admin placed each open role ("Add manager"). People are never deleted, only marked
/// removed, so a removed manager's reports and roles keep pointing at them and can be flagged instead of lost.
/// </summary>
[Migration(14, "The org chart: people, their managers, and placed open roles")]
public sealed class CreateOrgChart : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        // email: lower-cased, unique. manager_id: another person (no foreign key: a removed manager stays a row, and the
        // import writes a whole chart in one transaction in any order). manager_set_ms: when an admin, an import or a
        // filled role set the manager; the sync never changes a manager once set.
        // member_state: active, offboarded or gone (the member row was deleted); user_state: enabled, disabled or gone,
        // across every connection's Ashby users. imported_ms: last CSV import naming the person (their name, title and
        // department then win over the members' and users'). deleted_ms: deleted from the chart by an admin.
        Create.Table("org_people")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("email").AsString(320).NotNullable()
            .WithColumn("name").AsString(1000).NotNullable()
            .WithColumn("title").AsString(1000).Nullable()
            .WithColumn("department").AsString(1000).Nullable()
            .WithColumn("manager_id").AsInt64().Nullable()
            .WithColumn("manager_set_ms").AsInt64().Nullable()
            .WithColumn("member_id").AsInt64().Nullable()
            .WithColumn("member_state").AsString(20).Nullable()
            .WithColumn("user_state").AsString(20).Nullable()
            .WithColumn("imported_ms").AsInt64().Nullable()
            .WithColumn("deleted_ms").AsInt64().Nullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
        Create.Index("ux_org_people_email").OnTable("org_people").OnColumn("email").Ascending().WithOptions().Unique();
        Create.Index("ix_org_people_manager").OnTable("org_people").OnColumn("manager_id").Ascending();

        // An admin's placement of one open role under a person; kept through later imports of roles and people (the role
        // row is keyed the same way and never deleted). Without a row the role sits under its suggested manager.
        Create.Table("org_role_placements")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_org_role_placements_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("posting_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("manager_id").AsInt64().NotNullable()
            .WithColumn("placed_ms").AsInt64().NotNullable()
            .WithColumn("placed_by").AsString(320).NotNullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("org_role_placements");
        Delete.Table("org_people");
    }
}
