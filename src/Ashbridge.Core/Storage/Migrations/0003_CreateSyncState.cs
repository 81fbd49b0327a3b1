using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Sync bookkeeping: per connection and stream, the stored sync token and the checkpoint of a pass in progress; and the
/// run history (one row per pass of a connection, one per stream in it).
/// </summary>
[Migration(3, "Sync state and run history")]
public sealed class CreateSyncState : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Create.Table("sync_streams")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_sync_streams_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("stream").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("sync_token").AsString(int.MaxValue).Nullable()
            .WithColumn("pass_mode").AsString(20).Nullable()
            .WithColumn("pass_cursor").AsString(int.MaxValue).Nullable()
            .WithColumn("pass_number").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("full_passes_completed").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("last_full_ms").AsInt64().Nullable()
            .WithColumn("last_incremental_ms").AsInt64().Nullable()
            .WithColumn("skipped_reason").AsString(int.MaxValue).Nullable();

        Create.Table("sync_runs")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("connection_id").AsInt64().NotNullable().ForeignKey("fk_sync_runs_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("trigger").AsString(50).NotNullable()
            .WithColumn("requested_mode").AsString(20).NotNullable()
            .WithColumn("outcome").AsString(20).NotNullable()
            .WithColumn("started_ms").AsInt64().NotNullable()
            .WithColumn("finished_ms").AsInt64().Nullable()
            .WithColumn("error").AsString(int.MaxValue).Nullable();
        Create.Index("ix_sync_runs_connection").OnTable("sync_runs").OnColumn("connection_id").Ascending().OnColumn("id").Descending();

        Create.Table("sync_run_streams")
            .WithColumn("run_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_sync_run_streams_run", "sync_runs", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("stream").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("mode").AsString(20).NotNullable()
            .WithColumn("outcome").AsString(20).NotNullable()
            .WithColumn("restarted_because").AsString(100).Nullable()
            .WithColumn("pages").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("new_count").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("changed_count").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("unchanged_count").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("deleted_count").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("started_ms").AsInt64().NotNullable()
            .WithColumn("finished_ms").AsInt64().Nullable()
            .WithColumn("error").AsString(int.MaxValue).Nullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("sync_run_streams");
        Delete.Table("sync_runs");
        Delete.Table("sync_streams");
    }
}
