using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>Connections: a name, the Ashby base URL, the API key encrypted with Data Protection, the sync schedule.</summary>
[Migration(1, "Connections")]
public sealed class CreateConnections : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Create.Table("connections")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("name").AsString(200).NotNullable().Unique("ux_connections_name")
            .WithColumn("base_url").AsString(2000).NotNullable()
            .WithColumn("api_key_protected").AsString(int.MaxValue).NotNullable()
            .WithColumn("sync_interval_minutes").AsInt32().Nullable()
            .WithColumn("sync_cron").AsString(200).Nullable()
            .WithColumn("preflight_json").AsString(int.MaxValue).Nullable()
            .WithColumn("preflight_ms").AsInt64().Nullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
    }

    /// <inheritdoc />
    public override void Down() => Delete.Table("connections");
}
