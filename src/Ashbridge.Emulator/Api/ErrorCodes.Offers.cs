namespace Ashbridge.Emulator.Api;

internal static partial class ErrorCodes
{
    // Documented by Ashby for offer.create (and report.generate / report.synchronous's 429s).
    public const string OpeningInUse = "opening_in_use";
    public const string OpeningStateInvalid = "opening_state_invalid";
    public const string RateLimitExceeded = "rate_limit_exceeded";
    public const string ConcurrentLimitExceeded = "concurrent_limit_exceeded";

    // Not documented: the emulator's <object>_not_found pattern.
    public const string OfferProcessNotFound = "offer_process_not_found";
    public const string OfferVersionNotFound = "offer_version_not_found";
    public const string SurveyFormDefinitionNotFound = "survey_form_definition_not_found";
    public const string ReportNotFound = "report_not_found";
}
