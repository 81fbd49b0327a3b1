namespace Ashbridge.Core.Dedupe;

/// <summary>
/// Merge a prospect into a candidate, or upload it as a new one. Every write is preceded by a live check with Ashby
/// (<c>candidate.info</c> for the chosen candidate, <c>candidate.search</c> by email for a new one), because the mirror
/// may be minutes old, and goes through the connection's shared client (its request budget).
/// </summary>
public sealed class ProspectWrites
{
    /// <summary>The jobs, missing permissions and default region for writes on <paramref name="connectionId"/>.</summary>
    public Task<UploadChoices> ChoicesAsync(long connectionId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not built yet.");

    /// <summary>Adds the prospect as a new candidate (and applies it to the job given), after confirming live that Ashby does not have its email.</summary>
    public Task<ProspectWriteOutcome> UploadAsync(long connectionId, ProspectUpload upload, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not built yet.");

    /// <summary>Adds what the candidate lacks of the prospect's details (and tags, and the job given), after confirming the candidate live.</summary>
    public Task<ProspectWriteOutcome> MergeAsync(long connectionId, ProspectMerge merge, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Not built yet.");
}
