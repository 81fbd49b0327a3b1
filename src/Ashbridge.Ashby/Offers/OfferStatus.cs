namespace Ashbridge.Ashby;

/// <summary>Offer statuses. Ashby may add values; unknown strings are kept as they are.</summary>
public static class OfferStatus
{
    /// <summary><c>WaitingOnApprovalStart</c>.</summary>
    public const string WaitingOnApprovalStart = "WaitingOnApprovalStart";

    /// <summary><c>WaitingOnOfferApproval</c>.</summary>
    public const string WaitingOnOfferApproval = "WaitingOnOfferApproval";

    /// <summary><c>WaitingOnApprovalDefinition</c>.</summary>
    public const string WaitingOnApprovalDefinition = "WaitingOnApprovalDefinition";

    /// <summary><c>WaitingOnCandidateResponse</c>.</summary>
    public const string WaitingOnCandidateResponse = "WaitingOnCandidateResponse";

    /// <summary><c>CandidateRejected</c>.</summary>
    public const string CandidateRejected = "CandidateRejected";

    /// <summary><c>CandidateAccepted</c>.</summary>
    public const string CandidateAccepted = "CandidateAccepted";

    /// <summary><c>OfferCancelled</c>.</summary>
    public const string OfferCancelled = "OfferCancelled";
}
