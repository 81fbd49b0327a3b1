namespace Ashbridge.Core.Connections;

/// <summary>A connection's pre-flight: the key's permissions per feature and per stream, and what its flags let it see.</summary>
public sealed record PreflightReport(
    DateTimeOffset CheckedAt,
    KeyCheckReport Key,
    IReadOnlyList<StreamAccess> Streams,
    Visibility ConfidentialJobs,
    Visibility PrivateFields)
{
    /// <summary>Streams the sync will skip, for want of a permission.</summary>
    public IEnumerable<StreamAccess> SkippedStreams => Streams.Where(s => s.State == PermissionState.Missing);
}
