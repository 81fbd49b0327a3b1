using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Open roles: one row per job posting Ashbridge has seen published (kept after it closes, so an admin's placement
/// survives a re-publish and an import can count what closed), each connection's policy, the history of imports with
/// their counts, and the hub's notices (import finished, import failed, data stale), shown in the app and e-mailed.
/// </summary>
[Migration(13, "Open roles, their imports and notices")]
public sealed class CreateOpenRoles : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        // include_confidential: confidential jobs' postings are left out unless an admin opts in. public_feed: the careers
        // feed is off by default. stale_after_minutes: alert when the last good import is older (null: never).
        Create.Table("open_role_settings")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_open_role_settings_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("include_confidential").AsBoolean().NotNullable()
            .WithColumn("public_feed").AsBoolean().NotNullable()
            .WithColumn("stale_after_minutes").AsInt32().Nullable()
            .WithColumn("notify_emails").AsString(4000).Nullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(320).Nullable();

        // One row per posting. closed_ms is set when the posting is unpublished, deleted, or its job hidden by policy;
        // a re-published posting clears it. openings_json: the job's openings (state, dates, backfill, employment type);
        // hiring_team_json: the job's hiring team. source_hash: what the row was built from, to count "changed" honestly.
        Create.Table("open_roles")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_open_roles_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("posting_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("job_id").AsString(64).Nullable()
            .WithColumn("title").AsString(1000).NotNullable()
            .WithColumn("description_html").AsString(int.MaxValue).Nullable()
            .WithColumn("description_plain").AsString(int.MaxValue).Nullable()
            .WithColumn("department_id").AsString(64).Nullable()
            .WithColumn("department_name").AsString(1000).Nullable()
            .WithColumn("location_name").AsString(1000).Nullable()
            .WithColumn("posting_state").AsString(20).NotNullable()
            .WithColumn("is_listed").AsBoolean().NotNullable()
            .WithColumn("is_confidential").AsBoolean().NotNullable()
            .WithColumn("posted_ms").AsInt64().Nullable()
            .WithColumn("posting_url").AsString(2000).Nullable()
            .WithColumn("apply_url").AsString(2000).Nullable()
            .WithColumn("employment_type").AsString(50).Nullable()
            .WithColumn("job_status").AsString(50).Nullable()
            .WithColumn("hiring_manager_user_id").AsString(64).Nullable()
            .WithColumn("hiring_manager_name").AsString(1000).Nullable()
            .WithColumn("hiring_manager_email").AsString(320).Nullable()
            .WithColumn("hiring_team_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("openings_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("open_openings").AsInt32().NotNullable()
            .WithColumn("opening_state").AsString(50).Nullable()
            .WithColumn("target_hire_date").AsString(10).Nullable()
            .WithColumn("target_start_date").AsString(10).Nullable()
            .WithColumn("is_backfill").AsBoolean().Nullable()
            .WithColumn("source_hash").AsString(64).NotNullable()
            .WithColumn("first_seen_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("closed_ms").AsInt64().Nullable();
        Create.Index("ix_open_roles_open").OnTable("open_roles").OnColumn("connection_id").Ascending().OnColumn("closed_ms").Ascending();
        Create.Index("ix_open_roles_job").OnTable("open_roles").OnColumn("connection_id").Ascending().OnColumn("job_id").Ascending();

        // trigger: pass, webhook, schedule or manual. state: succeeded or failed (error says why).
        Create.Table("open_role_imports")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("connection_id").AsInt64().NotNullable().ForeignKey("fk_open_role_imports_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("trigger").AsString(20).NotNullable()
            .WithColumn("started_ms").AsInt64().NotNullable()
            .WithColumn("finished_ms").AsInt64().NotNullable()
            .WithColumn("state").AsString(20).NotNullable()
            .WithColumn("new_count").AsInt32().NotNullable()
            .WithColumn("changed_count").AsInt32().NotNullable()
            .WithColumn("closed_count").AsInt32().NotNullable()
            .WithColumn("error").AsString(4000).Nullable();
        Create.Index("ix_open_role_imports_connection").OnTable("open_role_imports").OnColumn("connection_id").Ascending().OnColumn("id").Descending();

        // kind: e.g. open_roles_imported, open_roles_import_failed, open_roles_stale. severity: info, warning or error.
        // emailed_ms / email_error: whether the e-mail went out (a notice is kept whatever the mail server says).
        Create.Table("notices")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("connection_id").AsInt64().Nullable().ForeignKey("fk_notices_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("kind").AsString(50).NotNullable()
            .WithColumn("severity").AsString(20).NotNullable()
            .WithColumn("title").AsString(1000).NotNullable()
            .WithColumn("body").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("read_ms").AsInt64().Nullable()
            .WithColumn("emailed_ms").AsInt64().Nullable()
            .WithColumn("email_error").AsString(4000).Nullable();
        Create.Index("ix_notices_created").OnTable("notices").OnColumn("created_ms").Descending();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("notices");
        Delete.Table("open_role_imports");
        Delete.Table("open_roles");
        Delete.Table("open_role_settings");
    }
}
