namespace Ashbridge.Emulator.Api;

/// <summary>The <c>errorInfo.code</c> values the emulator answers with (Ashby's where it documents one).</summary>
internal static partial class ErrorCodes
{
    public const string InvalidInput = "invalid_input";
    public const string MissingEndpointPermission = "missing_endpoint_permission";
    public const string SyncTokenExpired = "sync_token_expired";
    public const string SyncTokenInvalid = "sync_token_invalid";
    public const string NextCursorExpired = "next_cursor_expired";
    public const string InvalidNextCursor = "invalid_next_cursor";
    public const string IncrementalSyncTooLarge = "incremental_sync_too_large";
    public const string ApplicationNotFound = "application_not_found";
    public const string InterviewPlanNotFound = "interview_plan_not_found";
    public const string InterviewStageNotFound = "interview_stage_not_found";
    public const string ArchiveReasonNotFound = "archive_reason_not_found";

    // Not documented by Ashby (third-party fixtures use the first three); see docs/concepts/emulator.md.
    public const string CandidateNotFound = "candidate_not_found";
    public const string JobNotFound = "job_not_found";
    public const string OfferNotFound = "offer_not_found";
    public const string JobPostingNotFound = "job_posting_not_found";
    public const string OpeningNotFound = "opening_not_found";
    public const string DepartmentNotFound = "department_not_found";
    public const string LocationNotFound = "location_not_found";
    public const string UserNotFound = "user_not_found";
    public const string WebhookNotFound = "webhook_not_found";
    public const string SourceNotFound = "source_not_found";
    public const string TagNotFound = "tag_not_found";
    public const string HiringTeamRoleNotFound = "hiring_team_role_not_found";
    public const string EndpointNotFound = "endpoint_not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Unauthenticated = "unauthenticated";
    public const string InvalidApiKey = "invalid_api_key";
    public const string ApiKeyDeactivated = "api_key_deactivated";
}
