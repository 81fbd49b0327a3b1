namespace Ashbridge.Core.Dedupe;

/// <summary>How the duplicate check, merges and uploads behave on one connection.</summary>
/// <param name="DefaultRegion">The two-letter region a phone number without a country code is read in (US, GB, DE…).</param>
/// <param name="OfferConfidentialJobs">Whether confidential jobs are offered to apply prospects to (Gem hides them; so do we unless this is on).</param>
public sealed record DedupeSettings(string DefaultRegion, bool OfferConfidentialJobs)
{
    /// <summary>The settings of a connection nobody changed them for.</summary>
    public static DedupeSettings Default { get; } = new(PhoneKey.DefaultRegion, false);
}
