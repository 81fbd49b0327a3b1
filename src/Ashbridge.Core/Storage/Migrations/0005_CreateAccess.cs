using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Who may use the hub: people (an email, a password hash, a role), API tokens for scripts (only a hash is kept; a token
/// may be limited to one connection and to reading), and the audit log of sign-ins, exports and changes.
/// </summary>
[Migration(5, "Users, API tokens and the audit log")]
public sealed class CreateAccess : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Create.Table("users")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("email").AsString(320).NotNullable().Unique("ux_users_email")
            .WithColumn("password_hash").AsString(int.MaxValue).NotNullable()
            .WithColumn("role").AsString(20).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("disabled_ms").AsInt64().Nullable();

        Create.Table("api_tokens")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("user_id").AsInt64().NotNullable().ForeignKey("fk_api_tokens_user", "users", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("token_hash").AsString(64).NotNullable().Unique("ux_api_tokens_hash")
            .WithColumn("connection_id").AsInt64().Nullable().ForeignKey("fk_api_tokens_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("read_only").AsBoolean().NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("last_used_ms").AsInt64().Nullable()
            .WithColumn("revoked_ms").AsInt64().Nullable();

        Create.Table("audit_log")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("at_ms").AsInt64().NotNullable()
            .WithColumn("actor").AsString(320).NotNullable()
            .WithColumn("action").AsString(100).NotNullable()
            .WithColumn("target").AsString(500).Nullable()
            .WithColumn("detail").AsString(int.MaxValue).Nullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("audit_log");
        Delete.Table("api_tokens");
        Delete.Table("users");
    }
}
