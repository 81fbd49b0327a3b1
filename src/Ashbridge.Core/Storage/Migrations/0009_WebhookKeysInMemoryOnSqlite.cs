using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// On SQLite the inbox drops duplicates with the keys of the last 48 hours (<c>Webhooks.RecentDeliveries</c>) instead of
/// a unique index: each delivery's random key dirtied its own index page, a whole page written per delivery. PostgreSQL
/// keeps the index, so hubs sharing one database still store an event once. The inbox reloads the window at start by
/// reading the events newest first (ids grow with arrival), so no index on the arrival time is needed either.
/// </summary>
[Migration(9, "Webhook keys in memory on SQLite")]
public sealed class WebhookKeysInMemoryOnSqlite : Migration
{
    /// <inheritdoc />
    public override void Up() => IfDatabase("sqlite").Delete.Index("ux_webhook_events_key").OnTable("webhook_events");

    /// <inheritdoc />
    public override void Down() =>
        IfDatabase("sqlite").Create.Index("ux_webhook_events_key").OnTable("webhook_events")
            .OnColumn("connection_id").Ascending().OnColumn("action").Ascending().OnColumn("webhook_action_id").Ascending()
            .WithOptions().Unique();
}
