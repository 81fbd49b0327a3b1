namespace Ashbridge.Core.Dedupe;

/// <summary>
/// What a sourcer may choose when merging or uploading on a connection, read before any button is offered: the jobs
/// offered, the permissions the key lacks for writing (empty when it may write), and the region phones without a
/// country code are read in.
/// </summary>
public sealed record UploadChoices(IReadOnlyList<UploadJob> Jobs, IReadOnlyList<string> MissingPermissions, string DefaultRegion);
