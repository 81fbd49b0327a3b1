using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// The webhook inbox. Per connection: the Secret Token (encrypted) and the count of deliveries refused for a missing or
/// wrong signature, so a wrong secret is noticed. Per event: the body exactly as received, stored before Ashby gets its
/// answer, unique by (connection, action, <c>webhookActionId</c>) so a retry or a duplicate is dropped by the database
/// itself, and its processing state: pending, processed, ignored (types nothing uses), or dead (shown for replay).
/// </summary>
[Migration(4, "Webhook inbox")]
public sealed class CreateWebhookInbox : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Create.Table("webhook_settings")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_webhook_settings_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("secret_protected").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("unsigned_count").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("forged_count").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("last_rejected_ms").AsInt64().Nullable()
            .WithColumn("last_rejection").AsString(200).Nullable();

        Create.Table("webhook_events")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("connection_id").AsInt64().NotNullable().ForeignKey("fk_webhook_events_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("action").AsString(100).NotNullable()
            .WithColumn("webhook_action_id").AsString(200).NotNullable()
            .WithColumn("received_ms").AsInt64().NotNullable()
            .WithColumn("body").AsString(int.MaxValue).NotNullable()
            .WithColumn("state").AsString(20).NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("next_attempt_ms").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("last_error").AsString(int.MaxValue).Nullable()
            .WithColumn("processed_ms").AsInt64().Nullable();
        Create.Index("ux_webhook_events_key").OnTable("webhook_events")
            .OnColumn("connection_id").Ascending().OnColumn("action").Ascending().OnColumn("webhook_action_id").Ascending()
            .WithOptions().Unique();
        Create.Index("ix_webhook_events_state").OnTable("webhook_events").OnColumn("state").Ascending().OnColumn("next_attempt_ms").Ascending();
        Create.Index("ix_webhook_events_connection").OnTable("webhook_events").OnColumn("connection_id").Ascending().OnColumn("id").Descending();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("webhook_events");
        Delete.Table("webhook_settings");
    }
}
