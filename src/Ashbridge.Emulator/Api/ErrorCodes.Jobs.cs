namespace Ashbridge.Emulator.Api;

/// <summary>Not-found codes of the job area (Ashby documents none for these endpoints; the emulator follows <c>&lt;object&gt;_not_found</c>).</summary>
internal static partial class ErrorCodes
{
    public const string BrandNotFound = "brand_not_found";
    public const string CloseReasonNotFound = "close_reason_not_found";
    public const string JobTemplateNotFound = "job_template_not_found";
    public const string JobBoardNotFound = "job_board_not_found";
}
