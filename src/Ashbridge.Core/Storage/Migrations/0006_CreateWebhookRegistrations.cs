using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>The webhooks Ashbridge registered in Ashby for a connection (with <c>webhook.create</c>), so it can update and remove them.</summary>
[Migration(6, "Webhook registrations")]
public sealed class CreateWebhookRegistrations : Migration
{
    /// <inheritdoc />
    public override void Up() =>
        Create.Table("webhook_registrations")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_webhook_registrations_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("webhook_type").AsString(100).NotNullable().PrimaryKey()
            .WithColumn("ashby_webhook_id").AsString(100).NotNullable()
            .WithColumn("request_url").AsString(2000).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable();

    /// <inheritdoc />
    public override void Down() => Delete.Table("webhook_registrations");
}
