namespace Ashbridge.Core.Dedupe;

/// <summary>
/// What a sourcer may choose when merging or uploading on a connection, read before any button is offered: the jobs
/// offered, the permissions the key lacks for writing (empty when it may write), and the region phones without a
/// country code are read in; and (optional, for the forms) the sources and users a prospect may be credited to, and
/// whether the connection offers confidential jobs.
/// </summary>
public sealed record UploadChoices(
    IReadOnlyList<UploadJob> Jobs,
    IReadOnlyList<string> MissingPermissions,
    string DefaultRegion,
    IReadOnlyList<UploadOption>? Sources = null,
    IReadOnlyList<UploadOption>? Users = null,
    bool OfferConfidentialJobs = false)
{
    /// <summary>Whether the key may write (as far as its last key check could tell).</summary>
    public bool CanWrite => MissingPermissions.Count == 0;
}
