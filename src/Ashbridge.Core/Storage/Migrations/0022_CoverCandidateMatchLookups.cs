using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// The duplicate check's lookup index carries each key's value too, so a lookup reads the index alone. Without it every
/// row found (up to 500 per name, scattered over the table) cost a read of the table: 1.7 ms of a 3.3 ms check at a
/// million candidates (docs/benchmarks/dedupe.md). Values are clipped to 300 characters and longer keys dropped, so an
/// index row stays within PostgreSQL's limit for a B-tree entry.
/// </summary>
[Migration(22, "Candidate match lookups answered from the index alone")]
public sealed class CoverCandidateMatchLookups : Migration
{
    // As CandidateMatchIndex.MaxLength was when this migration was written (a migration keeps its own figures).
    private const int MaxLength = 300;

    /// <inheritdoc />
    public override void Up()
    {
        Execute.Sql($"DELETE FROM candidate_match_keys WHERE length(key) > {MaxLength}");
        Execute.Sql($"UPDATE candidate_match_keys SET value = substr(value, 1, {MaxLength}) WHERE length(value) > {MaxLength}");
        Delete.Index("ix_candidate_match_keys_lookup").OnTable("candidate_match_keys");
        Create.Index("ix_candidate_match_keys_lookup").OnTable("candidate_match_keys")
            .OnColumn("connection_id").Ascending().OnColumn("kind").Ascending().OnColumn("key").Ascending()
            .OnColumn("candidate_id").Ascending().OnColumn("value").Ascending();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Index("ix_candidate_match_keys_lookup").OnTable("candidate_match_keys");
        Create.Index("ix_candidate_match_keys_lookup").OnTable("candidate_match_keys")
            .OnColumn("connection_id").Ascending().OnColumn("kind").Ascending().OnColumn("key").Ascending().OnColumn("candidate_id").Ascending();
    }
}
