using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// Batch uploads of prospects: a batch per uploaded file and connection (its column mapping, state and who runs it), a
/// row per line of the file (its cells, the plan, a person's decision, and the state of its write, stored before and
/// after the write so a crash resumes where it stopped), and the rows written so far per connection, by the row's
/// idempotency key, so that no batch uploads the same row twice.
/// </summary>
[Migration(19, "Dedupe batch uploads")]
public sealed class CreateDedupeBatches : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        // file_hash: SHA-256 of the file's bytes (the CLI resumes the batch of the same file). headers_json: the header row;
        // mapping_json: the field of each column. state: planned, queued, running, stopped or finished. runner and
        // lease_ms: the process running it (host:pid) and until when its claim holds without renewal.
        Create.Table("dedupe_batches")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("connection_id").AsInt64().NotNullable().ForeignKey("fk_dedupe_batches_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("file_name").AsString(1000).NotNullable()
            .WithColumn("file_hash").AsString(64).NotNullable()
            .WithColumn("headers_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("mapping_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("state").AsString(20).NotNullable()
            .WithColumn("total_rows").AsInt32().NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("created_by").AsString(320).NotNullable()
            .WithColumn("started_ms").AsInt64().Nullable()
            .WithColumn("finished_ms").AsInt64().Nullable()
            .WithColumn("runner").AsString(300).Nullable()
            .WithColumn("lease_ms").AsInt64().Nullable()
            .WithColumn("error").AsString(4000).Nullable();
        Create.Index("ix_dedupe_batches_file").OnTable("dedupe_batches").OnColumn("connection_id").Ascending().OnColumn("file_hash").Ascending();
        Create.Index("ix_dedupe_batches_state").OnTable("dedupe_batches").OnColumn("state").Ascending();

        // row_number: the line in the file (the header is 1). cells_json: the row's cells; formula_json: the columns
        // holding a formula. action: create, merge, skip, person or invalid; plan_json: the plan's detail (candidate,
        // matches, reasons). decision: a person's choice (create, merge:<id>, skip). state: planned, started, done or
        // failed; outcome: created, merged, skipped, invalid, held or failed.
        Create.Table("dedupe_batch_rows")
            .WithColumn("batch_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_dedupe_batch_rows_batch", "dedupe_batches", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("row_number").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("cells_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("formula_json").AsString(int.MaxValue).Nullable()
            .WithColumn("row_key").AsString(64).Nullable()
            .WithColumn("action").AsString(20).NotNullable()
            .WithColumn("plan_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("decision").AsString(100).Nullable()
            .WithColumn("state").AsString(20).NotNullable()
            .WithColumn("outcome").AsString(20).Nullable()
            .WithColumn("candidate_id").AsString(64).Nullable()
            .WithColumn("application_id").AsString(64).Nullable()
            .WithColumn("detail").AsString(4000).Nullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
        Create.Index("ix_dedupe_batch_rows_state").OnTable("dedupe_batch_rows").OnColumn("batch_id").Ascending().OnColumn("state").Ascending();

        // One row per row written: a later batch (or a re-run) with the same key skips it.
        Create.Table("dedupe_batch_keys")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_dedupe_batch_keys_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("row_key").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("candidate_id").AsString(64).NotNullable()
            .WithColumn("batch_id").AsInt64().NotNullable()
            .WithColumn("row_number").AsInt32().NotNullable()
            .WithColumn("written_ms").AsInt64().NotNullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("dedupe_batch_keys");
        Delete.Table("dedupe_batch_rows");
        Delete.Table("dedupe_batches");
    }
}
