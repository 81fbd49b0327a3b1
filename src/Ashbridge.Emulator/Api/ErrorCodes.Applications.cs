namespace Ashbridge.Emulator.Api;

/// <summary>Not-found codes of the application area, by Ashby's <c>&lt;object&gt;_not_found</c> pattern (not documented).</summary>
internal static partial class ErrorCodes
{
    public const string FeedbackFormDefinitionNotFound = "feedback_form_definition_not_found";
    public const string JobPostingNotPublished = "job_posting_not_published";
}
