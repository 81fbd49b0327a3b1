namespace Ashbridge.Emulator.Api;

/// <summary>Not-found codes of the candidate area, by Ashby's <c>&lt;object&gt;_not_found</c> pattern (none is documented).</summary>
internal static partial class ErrorCodes
{
    public const string FileNotFound = "file_not_found";
    public const string ProjectNotFound = "project_not_found";
    public const string ReferralFormNotFound = "referral_form_not_found";
}
