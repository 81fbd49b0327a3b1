using System.Globalization;
using System.Text.Json;
using Ashbridge.Ashby;

namespace Ashbridge.Core.Mirror;

/// <summary>
/// Every stream the mirror keeps, in sync order (reference data first). List parameters ask for archived rows, drafts,
/// deactivated users and location hierarchy too, so a full pass sees everything and the deletion sweep only marks rows
/// that are really gone.
/// </summary>
public static class MirrorStreams
{
    public static StreamDefinition Users { get; } = new("users", "mirror_users", "user.list", AshbyPermissions.OrganizationRead, true, MirrorFetch.Paged,
        """{"includeDeactivated":true}""",
        [LowerText("email", AshbyFields.Email), Text("first_name", AshbyFields.FirstName), Text("last_name", AshbyFields.LastName), Text("global_role", AshbyFields.GlobalRole), Bool("is_enabled", AshbyFields.IsEnabled)]);

    public static StreamDefinition Departments { get; } = new("departments", "mirror_departments", "department.list", AshbyPermissions.OrganizationRead, true, MirrorFetch.Paged,
        """{"includeArchived":true}""",
        [Text("name", AshbyFields.Name), Text("parent_id", AshbyFields.ParentId), Bool("is_archived", AshbyFields.IsArchived)]);

    public static StreamDefinition Locations { get; } = new("locations", "mirror_locations", "location.list", AshbyPermissions.OrganizationRead, true, MirrorFetch.Paged,
        """{"includeArchived":true,"includeLocationHierarchy":true}""",
        [Text("name", AshbyFields.Name), Text("parent_location_id", AshbyFields.ParentLocationId), Text("location_type", AshbyFields.Type), Bool("is_archived", AshbyFields.IsArchived)]);

    public static StreamDefinition HiringTeamRoles { get; } = new("hiring_team_roles", "mirror_hiring_team_roles", "hiringTeamRole.list", AshbyPermissions.OrganizationRead, false, MirrorFetch.OneCall,
        """{"namesOnly":false}""",
        [Text("title", AshbyFields.Title)]);

    public static StreamDefinition Sources { get; } = new("sources", "mirror_sources", "source.list", AshbyPermissions.HiringProcessMetadataRead, false, MirrorFetch.OneCall,
        """{"includeArchived":true}""",
        [Text("title", AshbyFields.Title), Bool("is_archived", AshbyFields.IsArchived)]);

    public static StreamDefinition ArchiveReasons { get; } = new("archive_reasons", "mirror_archive_reasons", "archiveReason.list", AshbyPermissions.HiringProcessMetadataRead, false, MirrorFetch.OneCall,
        """{"includeArchived":true}""",
        [Text("text", AshbyFields.Text), Text("reason_type", AshbyFields.ReasonType), Bool("is_archived", AshbyFields.IsArchived)]);

    public static StreamDefinition CustomFields { get; } = new("custom_fields", "mirror_custom_fields", "customField.list", AshbyPermissions.HiringProcessMetadataRead, true, MirrorFetch.Paged,
        """{"includeArchived":true}""",
        [Text("title", AshbyFields.Title), Text("object_type", AshbyFields.ObjectType), Text("field_type", AshbyFields.FieldType), Bool("is_archived", AshbyFields.IsArchived)]);

    public static StreamDefinition InterviewStages { get; } = new("interview_stages", "mirror_interview_stages", "interviewStage.list", AshbyPermissions.InterviewsRead, false, MirrorFetch.PerInterviewPlan,
        "{}",
        [Text("title", AshbyFields.Title), Text("interview_plan_id", AshbyFields.InterviewPlanId), Int32("order_in_plan", AshbyFields.OrderInInterviewPlan), Text("stage_type", AshbyFields.Type)]);

    public static StreamDefinition Jobs { get; } = new("jobs", "mirror_jobs", "job.list", AshbyPermissions.JobsRead, true, MirrorFetch.Paged,
        """{"status":["Draft","Open","Closed","Archived"]}""",
        [Text("title", AshbyFields.Title), Text("status", AshbyFields.Status), Text("department_id", AshbyFields.DepartmentId), Text("location_id", AshbyFields.LocationId), Bool("is_confidential", AshbyFields.Confidential), Text("employment_type", AshbyFields.EmploymentType)]);

    public static StreamDefinition JobPostings { get; } = new("job_postings", "mirror_job_postings", "jobPosting.list", AshbyPermissions.JobsRead, false, MirrorFetch.OneCall,
        """{"includeUnpublishedJobPostings":true}""",
        [Text("job_id", AshbyFields.JobId), Text("title", AshbyFields.Title), Bool("is_listed", AshbyFields.IsListed), Text("department_name", AshbyFields.DepartmentName), Text("location_name", AshbyFields.LocationName)]);

    public static StreamDefinition Openings { get; } = new("openings", "mirror_openings", "opening.list", AshbyPermissions.JobsRead, true, MirrorFetch.Paged,
        "{}",
        [Text("opening_state", AshbyFields.OpeningState), Bool("is_archived", AshbyFields.IsArchived)]);

    public static StreamDefinition Candidates { get; } = new("candidates", "mirror_candidates", "candidate.list", AshbyPermissions.CandidatesRead, true, MirrorFetch.Paged,
        "{}",
        [Text("name", AshbyFields.Name), LowerText("primary_email", AshbyFields.PrimaryEmailAddress, AshbyFields.Value), Text("primary_phone", AshbyFields.PrimaryPhoneNumber, AshbyFields.Value), Time("created_ms", AshbyFields.CreatedAt)]);

    public static StreamDefinition Applications { get; } = new("applications", "mirror_applications", "application.list", AshbyPermissions.CandidatesRead, true, MirrorFetch.Paged,
        "{}",
        [Text("candidate_id", AshbyFields.Candidate, AshbyFields.Id), Text("job_id", AshbyFields.Job, AshbyFields.Id), Text("status", AshbyFields.Status), Text("current_stage_id", AshbyFields.CurrentInterviewStage, AshbyFields.Id),
         Text("source_id", AshbyFields.Source, AshbyFields.Id), Text("archive_reason_id", AshbyFields.ArchiveReason, AshbyFields.Id), Time("created_ms", AshbyFields.CreatedAt)]);

    public static StreamDefinition Offers { get; } = new("offers", "mirror_offers", "offer.list", AshbyPermissions.OffersRead, true, MirrorFetch.Paged,
        "{}",
        [Text("application_id", AshbyFields.ApplicationId), Text("offer_status", AshbyFields.OfferStatus), Text("acceptance_status", AshbyFields.AcceptanceStatus), Text("start_date", AshbyFields.LatestVersion, AshbyFields.StartDate)]);

    /// <summary>All streams, in the order a pass runs them.</summary>
    public static IReadOnlyList<StreamDefinition> All { get; } =
    [
        Users, Departments, Locations, HiringTeamRoles, Sources, ArchiveReasons, CustomFields, InterviewStages,
        Jobs, JobPostings, Openings, Candidates, Applications, Offers,
    ];

    /// <summary>The stream with this name, or <see langword="null"/>.</summary>
    public static StreamDefinition? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static MirrorColumn Text(string column, params string[] path) =>
        new(column, MirrorColumnType.Text, row => At(row, path) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null);

    private static MirrorColumn LowerText(string column, params string[] path) =>
        new(column, MirrorColumnType.Text, row => At(row, path) is { ValueKind: JsonValueKind.String } v ? v.GetString()!.ToLowerInvariant() : null);

    private static MirrorColumn Bool(string column, string property) =>
        new(column, MirrorColumnType.Boolean, row => At(row, [property]) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null);

    private static MirrorColumn Int32(string column, string property) =>
        new(column, MirrorColumnType.Number, row => At(row, [property]) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var n) ? n : null);

    private static MirrorColumn Time(string column, string property) =>
        new(column, MirrorColumnType.Time, row => ReadTime(row, property));

    /// <summary>Ashby's ISO 8601 time as Unix milliseconds, or <see langword="null"/>.</summary>
    internal static long? ReadTime(JsonElement row, string property)
    {
        if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty(property, out var v) || v.ValueKind != JsonValueKind.String) return null;
        // Ashby's times are UTC ("…Z"): the JSON reader parses those straight from the bytes, where the general parse of
        // a string cost a full pass a third of a CPU second. Anything else (an offset, no zone) takes the general parse.
        if (v.TryGetDateTime(out var utc) && utc.Kind == DateTimeKind.Utc) return new DateTimeOffset(utc).ToUnixTimeMilliseconds();
        return DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUnixTimeMilliseconds()
            : null;
    }

    private static JsonElement? At(JsonElement row, string[] path)
    {
        var current = row;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current)) return null;
        }

        return current;
    }
}
