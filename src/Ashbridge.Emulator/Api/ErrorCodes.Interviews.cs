namespace Ashbridge.Emulator.Api;

/// <summary>Error codes of the interview and scheduling area (none documented by Ashby: <c>&lt;object&gt;_not_found</c> as elsewhere).</summary>
internal static partial class ErrorCodes
{
    public const string InterviewNotFound = "interview_not_found";
    public const string InterviewScheduleNotFound = "interview_schedule_not_found";
    public const string InterviewEventNotFound = "interview_event_not_found";
    public const string InterviewerPoolNotFound = "interviewer_pool_not_found";
    public const string InterviewerPauseNotFound = "interviewer_pause_not_found";
    public const string InterviewerPauseAlreadyExists = "interviewer_pause_already_exists";
    public const string NotetakerTranscriptNotFound = "notetaker_transcript_not_found";
}
