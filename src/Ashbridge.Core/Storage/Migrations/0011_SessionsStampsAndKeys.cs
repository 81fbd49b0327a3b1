using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// What lets access be taken back at once: a security stamp per user (changed by a role change, a password reset or
/// disabling, which ends every session and token made before), sign-in sessions (sign-out ends one), failed sign-ins for
/// the per-account lockout, and the hub's Data Protection key ring, kept in the database (encrypted) rather than in the
/// user profile that every hub on the machine shares.
/// </summary>
[Migration(11, "Security stamps, sessions, lockout and the Data Protection key ring")]
public sealed class SessionsStampsAndKeys : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Alter.Table("users")
            .AddColumn("security_stamp").AsString(64).NotNullable().WithDefaultValue("initial")
            .AddColumn("failed_sign_ins").AsInt32().NotNullable().WithDefaultValue(0)
            .AddColumn("locked_until_ms").AsInt64().Nullable();

        Alter.Table("api_tokens").AddColumn("user_stamp").AsString(64).NotNullable().WithDefaultValue("initial");

        Create.Table("user_sessions")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("session_hash").AsString(64).NotNullable().Unique("ux_user_sessions_hash")
            .WithColumn("user_id").AsInt64().NotNullable().ForeignKey("fk_user_sessions_user", "users", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("user_stamp").AsString(64).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("ended_ms").AsInt64().Nullable();

        Create.Table("data_protection_keys")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("friendly_name").AsString(200).NotNullable()
            .WithColumn("xml").AsString(int.MaxValue).NotNullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("data_protection_keys");
        Delete.Table("user_sessions");
        Delete.Column("user_stamp").FromTable("api_tokens");
        Delete.Column("security_stamp").Column("failed_sign_ins").Column("locked_until_ms").FromTable("users");
    }
}
