using FluentMigrator;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// The duplicate check's index beside the mirror: every candidate's normalised emails, phones, profile URLs and name
/// blocking keys, one row each, found by (connection, kind, key) without scanning the candidates; and how far each
/// connection's index has followed the mirror.
/// </summary>
[Migration(17, "Candidate match keys for the duplicate check")]
public sealed class CreateCandidateMatchKeys : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        // candidate_id: the mirror row the key was read from (a merged-away candidate keeps its keys; the check follows
        // merged_into_id to the survivor). kind: email, phone, url or name. value: as the candidate has it, to explain a match.
        Create.Table("candidate_match_keys")
            .WithColumn("connection_id").AsInt64().NotNullable().ForeignKey("fk_candidate_match_keys_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("candidate_id").AsString(64).NotNullable()
            .WithColumn("kind").AsString(10).NotNullable()
            .WithColumn("key").AsString(1000).NotNullable()
            .WithColumn("value").AsString(2000).NotNullable();
        Create.Index("ix_candidate_match_keys_lookup").OnTable("candidate_match_keys")
            .OnColumn("connection_id").Ascending().OnColumn("kind").Ascending().OnColumn("key").Ascending().OnColumn("candidate_id").Ascending();
        Create.Index("ix_candidate_match_keys_candidate").OnTable("candidate_match_keys")
            .OnColumn("connection_id").Ascending().OnColumn("candidate_id").Ascending();

        // indexed_ms: when the last refresh started; the next one re-keys the candidates seen or deleted since.
        Create.Table("candidate_match_state")
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_candidate_match_state_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("indexed_ms").AsInt64().NotNullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        Delete.Table("candidate_match_state");
        Delete.Table("candidate_match_keys");
    }
}
