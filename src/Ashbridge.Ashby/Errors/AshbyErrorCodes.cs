namespace Ashbridge.Ashby;

/// <summary>The error codes Ashby documents in <c>errorInfo.code</c> (lowercase snake_case).</summary>
public static class AshbyErrorCodes
{
    /// <summary>The key lacks the module permission the endpoint needs (HTTP 403).</summary>
    public const string MissingEndpointPermission = "missing_endpoint_permission";
    /// <summary>The request body is malformed or invalid.</summary>
    public const string InvalidInput = "invalid_input";
    /// <summary>The sync token is too old; run a full sync.</summary>
    public const string SyncTokenExpired = "sync_token_expired";
    /// <summary>The sync token cannot be decoded; run a full sync.</summary>
    public const string SyncTokenInvalid = "sync_token_invalid";
    /// <summary>The cursor is too old; restart the pass.</summary>
    public const string NextCursorExpired = "next_cursor_expired";
    /// <summary>The cursor cannot be decoded; restart the pass.</summary>
    public const string InvalidNextCursor = "invalid_next_cursor";
    /// <summary>The incremental pass would exceed Ashby's page cap; drop the token and run a full sync.</summary>
    public const string IncrementalSyncTooLarge = "incremental_sync_too_large";
    /// <summary>Too many requests (HTTP 429).</summary>
    public const string RateLimitExceeded = "rate_limit_exceeded";
    /// <summary>Too many concurrent operations (HTTP 429).</summary>
    public const string ConcurrentLimitExceeded = "concurrent_limit_exceeded";
    /// <summary>Generic server-side failure.</summary>
    public const string InternalServerError = "internal_server_error";
    /// <summary>The application does not exist.</summary>
    public const string ApplicationNotFound = "application_not_found";
    /// <summary>The interview plan does not exist.</summary>
    public const string InterviewPlanNotFound = "interview_plan_not_found";
    /// <summary>The interview stage does not exist.</summary>
    public const string InterviewStageNotFound = "interview_stage_not_found";
    /// <summary>The archive reason does not exist.</summary>
    public const string ArchiveReasonNotFound = "archive_reason_not_found";
    /// <summary>The communication template does not exist.</summary>
    public const string CommunicationTemplateNotFound = "communication_template_not_found";
    /// <summary>The communication template may not be used here.</summary>
    public const string CommunicationTemplateNotAllowed = "communication_template_not_allowed";
    /// <summary><c>application.info</c> on a blocked form submission.</summary>
    public const string ApplicationBlocked = "application_blocked";
    /// <summary>The job posting is not published.</summary>
    public const string JobPostingNotPublished = "job_posting_not_published";
    /// <summary>The opening is already used by another offer.</summary>
    public const string OpeningInUse = "opening_in_use";
    /// <summary>The opening's state does not allow the offer.</summary>
    public const string OpeningStateInvalid = "opening_state_invalid";
    /// <summary>Notetaker transcripts are not enabled.</summary>
    public const string NotetakerTranscriptNotEnabled = "notetaker_transcript_not_enabled";
    /// <summary>The notetaker transcript does not exist.</summary>
    public const string NotetakerTranscriptNotFound = "notetaker_transcript_not_found";
    /// <summary>The notetaker transcript has expired.</summary>
    public const string NotetakerTranscriptExpired = "notetaker_transcript_expired";
    /// <summary><c>candidate.pushToHris</c> failed.</summary>
    public const string CandidateHrisPushFailed = "candidate_hris_push_failed";
    /// <summary>The candidate does not exist (seen in third-party fixtures).</summary>
    public const string CandidateNotFound = "candidate_not_found";
    /// <summary>The job does not exist (seen in third-party fixtures).</summary>
    public const string JobNotFound = "job_not_found";
    /// <summary>The offer does not exist (seen in third-party fixtures).</summary>
    public const string OfferNotFound = "offer_not_found";

    /// <summary>Codes for which the caller must drop its sync token or cursor and start a full pass.</summary>
    public static IReadOnlyCollection<string> SyncRestartCodes { get; } =
        [SyncTokenExpired, SyncTokenInvalid, IncrementalSyncTooLarge, NextCursorExpired, InvalidNextCursor];

    /// <summary>Whether <paramref name="code"/> is a "not found" code (<c>*_not_found</c>).</summary>
    /// <param name="code">An Ashby error code.</param>
    /// <returns><see langword="true"/> for <c>*_not_found</c> codes.</returns>
    public static bool IsNotFound(string? code) => code is not null && code.EndsWith("_not_found", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="code"/> requires a full sync pass.</summary>
    /// <param name="code">An Ashby error code.</param>
    /// <returns><see langword="true"/> for the sync-restart codes.</returns>
    public static bool RequiresSyncRestart(string? code) => code is not null && SyncRestartCodes.Contains(code);
}
