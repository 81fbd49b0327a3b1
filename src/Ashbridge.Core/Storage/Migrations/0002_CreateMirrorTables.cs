using FluentMigrator;
using FluentMigrator.Builders.Create.Table;

namespace Ashbridge.Core.Storage.Migrations;

/// <summary>
/// The mirror: one table per Ashby object type. Each row keeps Ashby's JSON as sent, a hash of it (to skip unchanged
/// rows), Ashby's update time, when we last saw it, the full pass that last saw it (for the deletion sweep) and a
/// deleted/merged marker, beside typed columns the features filter and join on. Times are Unix milliseconds, as Ashby's
/// own filters take them, so the same SQL runs on SQLite and PostgreSQL.
/// </summary>
[Migration(2, "Mirror tables")]
public sealed class CreateMirrorTables : Migration
{
    /// <inheritdoc />
    public override void Up()
    {
        Mirror("mirror_candidates")
            .WithColumn("name").AsString(int.MaxValue).Nullable()
            .WithColumn("primary_email").AsString(1000).Nullable()
            .WithColumn("primary_phone").AsString(200).Nullable()
            .WithColumn("created_ms").AsInt64().Nullable();
        Index("mirror_candidates", "primary_email");
        Index("mirror_candidates", "merged_into_id");

        Mirror("mirror_applications")
            .WithColumn("candidate_id").AsString(64).Nullable()
            .WithColumn("job_id").AsString(64).Nullable()
            .WithColumn("status").AsString(50).Nullable()
            .WithColumn("current_stage_id").AsString(64).Nullable()
            .WithColumn("source_id").AsString(64).Nullable()
            .WithColumn("archive_reason_id").AsString(64).Nullable()
            .WithColumn("created_ms").AsInt64().Nullable();
        Index("mirror_applications", "candidate_id");
        Index("mirror_applications", "job_id");
        Index("mirror_applications", "status");

        Mirror("mirror_jobs")
            .WithColumn("title").AsString(int.MaxValue).Nullable()
            .WithColumn("status").AsString(50).Nullable()
            .WithColumn("department_id").AsString(64).Nullable()
            .WithColumn("location_id").AsString(64).Nullable()
            .WithColumn("is_confidential").AsBoolean().Nullable()
            .WithColumn("employment_type").AsString(50).Nullable();
        Index("mirror_jobs", "status");

        Mirror("mirror_job_postings")
            .WithColumn("job_id").AsString(64).Nullable()
            .WithColumn("title").AsString(int.MaxValue).Nullable()
            .WithColumn("is_listed").AsBoolean().Nullable()
            .WithColumn("department_name").AsString(1000).Nullable()
            .WithColumn("location_name").AsString(1000).Nullable();
        Index("mirror_job_postings", "job_id");

        Mirror("mirror_openings")
            .WithColumn("opening_state").AsString(50).Nullable()
            .WithColumn("is_archived").AsBoolean().Nullable();

        Mirror("mirror_departments")
            .WithColumn("name").AsString(1000).Nullable()
            .WithColumn("parent_id").AsString(64).Nullable()
            .WithColumn("is_archived").AsBoolean().Nullable();

        Mirror("mirror_locations")
            .WithColumn("name").AsString(1000).Nullable()
            .WithColumn("parent_location_id").AsString(64).Nullable()
            .WithColumn("location_type").AsString(50).Nullable()
            .WithColumn("is_archived").AsBoolean().Nullable();

        Mirror("mirror_offers")
            .WithColumn("application_id").AsString(64).Nullable()
            .WithColumn("offer_status").AsString(50).Nullable()
            .WithColumn("acceptance_status").AsString(50).Nullable()
            .WithColumn("start_date").AsString(50).Nullable();
        Index("mirror_offers", "application_id");

        Mirror("mirror_custom_fields")
            .WithColumn("title").AsString(1000).Nullable()
            .WithColumn("object_type").AsString(50).Nullable()
            .WithColumn("field_type").AsString(50).Nullable()
            .WithColumn("is_archived").AsBoolean().Nullable();

        Mirror("mirror_users")
            .WithColumn("email").AsString(1000).Nullable()
            .WithColumn("first_name").AsString(1000).Nullable()
            .WithColumn("last_name").AsString(1000).Nullable()
            .WithColumn("global_role").AsString(50).Nullable()
            .WithColumn("is_enabled").AsBoolean().Nullable();
        Index("mirror_users", "email");

        Mirror("mirror_sources")
            .WithColumn("title").AsString(1000).Nullable()
            .WithColumn("is_archived").AsBoolean().Nullable();

        Mirror("mirror_archive_reasons")
            .WithColumn("text").AsString(1000).Nullable()
            .WithColumn("reason_type").AsString(50).Nullable()
            .WithColumn("is_archived").AsBoolean().Nullable();

        Mirror("mirror_interview_stages")
            .WithColumn("title").AsString(1000).Nullable()
            .WithColumn("interview_plan_id").AsString(64).Nullable()
            .WithColumn("order_in_plan").AsInt32().Nullable()
            .WithColumn("stage_type").AsString(50).Nullable();

        Mirror("mirror_hiring_team_roles")
            .WithColumn("title").AsString(1000).Nullable();
    }

    /// <inheritdoc />
    public override void Down()
    {
        foreach (var table in Tables) Delete.Table(table);
    }

    /// <summary>The mirror tables this migration creates.</summary>
    internal static IReadOnlyList<string> Tables { get; } =
    [
        "mirror_candidates", "mirror_applications", "mirror_jobs", "mirror_job_postings", "mirror_openings", "mirror_departments",
        "mirror_locations", "mirror_offers", "mirror_custom_fields", "mirror_users", "mirror_sources", "mirror_archive_reasons",
        "mirror_interview_stages", "mirror_hiring_team_roles",
    ];

    private ICreateTableColumnOptionOrWithColumnSyntax Mirror(string table) =>
        Create.Table(table)
            .WithColumn("connection_id").AsInt64().NotNullable().PrimaryKey().ForeignKey($"fk_{table}_connection", "connections", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("raw_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("raw_hash").AsInt64().NotNullable()
            .WithColumn("ashby_updated_ms").AsInt64().Nullable()
            .WithColumn("first_seen_ms").AsInt64().NotNullable()
            .WithColumn("last_seen_ms").AsInt64().NotNullable()
            .WithColumn("seen_pass").AsInt64().NotNullable()
            .WithColumn("deleted_ms").AsInt64().Nullable()
            .WithColumn("merged_into_id").AsString(64).Nullable();

    private void Index(string table, string column) =>
        Create.Index($"ix_{table}_{column}").OnTable(table).OnColumn("connection_id").Ascending().OnColumn(column).Ascending();
}
