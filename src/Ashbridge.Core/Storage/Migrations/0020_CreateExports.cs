using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Hired-applicant exports: their definitions (a name, a connection, the chosen custom fields and filters), the tokens
/// bound to one definition (only a hash is kept, as for API tokens), each row's fingerprint for <c>?since=</c> pulls, and
/// the report of every run (rows, values that did not fit their type, columns whose field Ashby deleted).
/// </summary>
[Migration(20, "Hired-applicant exports")]
public sealed class CreateExports : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Create.Table("exports")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("connection_id").AsInt64().NotNullable().ForeignKey("fk_exports_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("name").AsString(200).NotNullable().Unique("ux_exports_name")
            .WithColumn("settings_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("created_by").AsString(320).NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();

        // user_stamp: the user's security stamp when the token was made; a role change or reset ends it, as for API tokens.
        Create.Table("export_tokens")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("export_id").AsInt64().NotNullable().ForeignKey("fk_export_tokens_export", "exports", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("user_id").AsInt64().NotNullable().ForeignKey("fk_export_tokens_user", "users", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("token_hash").AsString(64).NotNullable().Unique("ux_export_tokens_hash")
            .WithColumn("compensation").AsBoolean().NotNullable()
            .WithColumn("user_stamp").AsString(64).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("last_used_ms").AsInt64().Nullable()
            .WithColumn("revoked_ms").AsInt64().Nullable();

        // row_key: the application id (or "opening:" and the opening's id); fingerprint: a hash of every exported value.
        Create.Table("export_row_states")
            .WithColumn("export_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_export_row_states_export", "exports", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("row_key").AsString(80).NotNullable().PrimaryKey()
            .WithColumn("fingerprint").AsInt64().NotNullable()
            .WithColumn("changed_ms").AsInt64().NotNullable();

        Create.Table("export_runs")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("export_id").AsInt64().NotNullable().ForeignKey("fk_export_runs_export", "exports", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("started_ms").AsInt64().NotNullable()
            .WithColumn("actor").AsString(320).NotNullable()
            .WithColumn("format").AsString(10).NotNullable()
            .WithColumn("since_ms").AsInt64().Nullable()
            .WithColumn("row_count").AsInt64().NotNullable()
            .WithColumn("report_json").AsString(int.MaxValue).NotNullable();
        Create.Index("ix_export_runs_export").OnTable("export_runs").OnColumn("export_id").Ascending().OnColumn("id").Descending();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("export_runs");
        Delete.Table("export_row_states");
        Delete.Table("export_tokens");
        Delete.Table("exports");
    }
}
