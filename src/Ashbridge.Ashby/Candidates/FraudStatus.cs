namespace Ashbridge.Ashby;

/// <summary>Candidate fraud statuses. Ashby may add values; unknown strings are kept as they are.</summary>
public static class FraudStatus
{
    /// <summary><c>Fraudulent</c>.</summary>
    public const string Fraudulent = "Fraudulent";

    /// <summary><c>NotFraudulent</c>.</summary>
    public const string NotFraudulent = "NotFraudulent";

    /// <summary><c>Unsure</c>.</summary>
    public const string Unsure = "Unsure";

    /// <summary><c>Unreviewed</c>.</summary>
    public const string Unreviewed = "Unreviewed";

    /// <summary><c>PassedFraudCheck</c>.</summary>
    public const string PassedFraudCheck = "PassedFraudCheck";
}
