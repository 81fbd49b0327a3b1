namespace Ashbridge.Ashby;

/// <summary>Offer acceptance statuses. Ashby may add values; unknown strings are kept as they are.</summary>
public static class OfferAcceptanceStatus
{
    /// <summary><c>Accepted</c>.</summary>
    public const string Accepted = "Accepted";

    /// <summary><c>Declined</c>.</summary>
    public const string Declined = "Declined";

    /// <summary><c>Pending</c>.</summary>
    public const string Pending = "Pending";

    /// <summary><c>Created</c>.</summary>
    public const string Created = "Created";

    /// <summary><c>Cancelled</c>.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary><c>WaitingOnResponse</c>.</summary>
    public const string WaitingOnResponse = "WaitingOnResponse";
}
