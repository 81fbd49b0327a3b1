using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// The user directory's history: the mirror keeps only Ashby users' current rows, so what changed (new users, role
/// changes, deactivations) is recorded by diffing each pass against the last values seen; and the access review's
/// weekly e-mail settings.
/// </summary>
[Migration(21, "User directory: last seen values, changes, and the access review's weekly e-mail")]
public sealed class CreateUserDirectory : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        // The values the last pass saw per user: what the next pass is compared with. Rows of a connection exist once its
        // first pass was seen (the baseline: no changes are recorded for it).
        Create.Table("user_directory_state")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_user_directory_state_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("user_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("email").AsString(1000).Nullable()
            .WithColumn("name").AsString(2000).NotNullable()
            .WithColumn("global_role").AsString(50).Nullable()
            .WithColumn("is_enabled").AsBoolean().NotNullable()
            .WithColumn("is_removed").AsBoolean().NotNullable();

        // One row per change seen; kind: added, role_changed, deactivated, reactivated, email_changed, renamed, removed.
        Create.Table("user_changes")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("connection_id").AsInt64().NotNullable().ForeignKey("fk_user_changes_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("email").AsString(1000).Nullable()
            .WithColumn("name").AsString(2000).NotNullable()
            .WithColumn("kind").AsString(20).NotNullable()
            .WithColumn("before_value").AsString(1000).Nullable()
            .WithColumn("after_value").AsString(1000).Nullable()
            .WithColumn("changed_ms").AsInt64().NotNullable();
        Create.Index("ix_user_changes_connection_time").OnTable("user_changes").OnColumn("connection_id").Ascending().OnColumn("changed_ms").Ascending();

        // The access review's weekly e-mail, one row per connection: recipients (comma-separated) and when it last went.
        Create.Table("user_review_settings")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_user_review_settings_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("weekly_email").AsBoolean().NotNullable()
            .WithColumn("recipients").AsString(4000).NotNullable()
            .WithColumn("last_sent_ms").AsInt64().Nullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(320).NotNullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("user_review_settings");
        Delete.Table("user_changes");
        Delete.Table("user_directory_state");
    }
}
