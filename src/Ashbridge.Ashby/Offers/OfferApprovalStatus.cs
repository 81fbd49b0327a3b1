namespace Ashbridge.Ashby;

/// <summary>Offer version approval statuses. Ashby may add values; unknown strings are kept as they are.</summary>
public static class OfferApprovalStatus
{
    /// <summary><c>Approved</c>.</summary>
    public const string Approved = "Approved";

    /// <summary><c>WaitingOnApprovals</c>.</summary>
    public const string WaitingOnApprovals = "WaitingOnApprovals";

    /// <summary><c>Declined</c>.</summary>
    public const string Declined = "Declined";
}
