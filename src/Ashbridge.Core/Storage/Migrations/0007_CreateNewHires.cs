using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// New hires: the review queue of hired applications (one row per application, whatever arrives twice), each
/// connection's field mapping, the people directory of added members, and the outbound deliveries that carry each
/// added member to another HR system.
/// </summary>
[Migration(7, "New hires, members and outbound deliveries")]
public sealed class CreateNewHires : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        // settings_json: toggles, custom mappings and compensation types; import_from_ms: hires last updated before it are history, not queued.
        Create.Table("new_hire_settings")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_new_hire_settings_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("settings_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("import_from_ms").AsInt64().NotNullable()
            .WithColumn("refreshed_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();

        // state: pending, added or deleted. imported_json: the values mapped from Ashby; overrides_json: the reviewer's;
        // changes_json: what Ashby changed since the reviewer last saved.
        Create.Table("new_hires")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_new_hires_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("application_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("candidate_id").AsString(64).Nullable()
            .WithColumn("state").AsString(20).NotNullable()
            .WithColumn("imported_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("overrides_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("changes_json").AsString(int.MaxValue).Nullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("reviewed_ms").AsInt64().Nullable()
            .WithColumn("decided_ms").AsInt64().Nullable()
            .WithColumn("decided_by").AsString(320).Nullable();
        Create.Index("ix_new_hires_state").OnTable("new_hires").OnColumn("connection_id").Ascending().OnColumn("state").Ascending();

        Create.Table("members")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("connection_id").AsInt64().Nullable().ForeignKey("fk_members_connection", "connections", "id").OnDelete(System.Data.Rule.SetNull)
            .WithColumn("application_id").AsString(64).Nullable()
            .WithColumn("candidate_id").AsString(64).Nullable()
            .WithColumn("first_name").AsString(500).NotNullable()
            .WithColumn("last_name").AsString(500).NotNullable()
            .WithColumn("personal_email").AsString(320).NotNullable()
            .WithColumn("personal_phone").AsString(200).Nullable()
            .WithColumn("start_date").AsString(10).Nullable()
            .WithColumn("job_title").AsString(1000).NotNullable()
            .WithColumn("department").AsString(1000).Nullable()
            .WithColumn("place_of_work").AsString(1000).Nullable()
            .WithColumn("salary_amount").AsDecimal(18, 2).Nullable()
            .WithColumn("salary_currency").AsString(3).Nullable()
            .WithColumn("salary_period").AsString(20).Nullable()
            .WithColumn("extra_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("created_by").AsString(320).NotNullable();
        Create.Index("ux_members_application").OnTable("members").OnColumn("connection_id").Ascending().OnColumn("application_id").Ascending().WithOptions().Unique();
        Create.Index("ix_members_email").OnTable("members").OnColumn("personal_email").Ascending();

        // One outbound endpoint for the hub: where added members go, and the secret (encrypted) that signs them.
        Create.Table("outbound_endpoints")
            .WithColumn("id").AsInt64().PrimaryKey()
            .WithColumn("url").AsString(2000).NotNullable()
            .WithColumn("secret_protected").AsString(int.MaxValue).NotNullable()
            .WithColumn("enabled").AsBoolean().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();

        Create.Table("outbound_deliveries")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("member_id").AsInt64().Nullable().ForeignKey("fk_outbound_deliveries_member", "members", "id").OnDelete(System.Data.Rule.SetNull)
            .WithColumn("event_type").AsString(100).NotNullable()
            .WithColumn("payload").AsString(int.MaxValue).NotNullable()
            .WithColumn("state").AsString(20).NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            .WithColumn("next_attempt_ms").AsInt64().Nullable()
            .WithColumn("last_status").AsInt32().Nullable()
            .WithColumn("last_error").AsString(int.MaxValue).Nullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("delivered_ms").AsInt64().Nullable();
        Create.Index("ix_outbound_deliveries_due").OnTable("outbound_deliveries").OnColumn("state").Ascending().OnColumn("next_attempt_ms").Ascending();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("outbound_deliveries");
        Delete.Table("outbound_endpoints");
        Delete.Table("members");
        Delete.Table("new_hires");
        Delete.Table("new_hire_settings");
    }
}
