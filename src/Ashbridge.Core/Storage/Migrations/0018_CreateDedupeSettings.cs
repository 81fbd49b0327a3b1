using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Per connection, how merges and uploads behave: the region a phone without a country code is read in, and whether
/// confidential jobs are offered to apply prospects to. No row means the defaults (US, confidential jobs not offered).
/// </summary>
[Migration(18, "Dedupe settings per connection")]
public sealed class CreateDedupeSettings : Migration
{
    /// <inheritdoc />
    public override void Up() =>
        Create.Table("dedupe_settings")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_dedupe_settings_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("default_region").AsString(2).NotNullable()
            .WithColumn("offer_confidential_jobs").AsBoolean().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();

    /// <inheritdoc />
    public override void Down() => Delete.Table("dedupe_settings");
}
