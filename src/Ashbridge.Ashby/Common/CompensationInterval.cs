namespace Ashbridge.Ashby;

/// <summary>Compensation intervals. Ashby may add values; unknown strings are kept as they are.</summary>
public static class CompensationInterval
{
    /// <summary><c>NONE</c>.</summary>
    public const string NONE = "NONE";

    /// <summary><c>1 TIME</c>.</summary>
    public const string Every1Time = "1 TIME";

    /// <summary><c>1 HOUR</c>.</summary>
    public const string Every1Hour = "1 HOUR";

    /// <summary><c>1 DAY</c>.</summary>
    public const string Every1Day = "1 DAY";

    /// <summary><c>1 WEEK</c>.</summary>
    public const string Every1Week = "1 WEEK";

    /// <summary><c>2 WEEK</c>.</summary>
    public const string Every2Week = "2 WEEK";

    /// <summary><c>1 MONTH</c>.</summary>
    public const string Every1Month = "1 MONTH";

    /// <summary><c>2 MONTH</c>.</summary>
    public const string Every2Month = "2 MONTH";

    /// <summary><c>1 YEAR</c>.</summary>
    public const string Every1Year = "1 YEAR";

    /// <summary><c>6 MONTH</c>.</summary>
    public const string Every6Month = "6 MONTH";

    /// <summary><c>0.5 MONTH</c>.</summary>
    public const string Every05Month = "0.5 MONTH";

    /// <summary><c>3 MONTH</c>.</summary>
    public const string Every3Month = "3 MONTH";
}
