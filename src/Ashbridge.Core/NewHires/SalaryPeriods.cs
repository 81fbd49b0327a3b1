namespace Ashbridge.Core.NewHires;

/// <summary>The pay periods a salary may have, with the words the review form shows for each.</summary>
public static class SalaryPeriods
{
    /// <summary>The periods a salary may be stored with.</summary>
    public static IReadOnlyList<string> All { get; } = ["annual", "monthly", "weekly", "daily", "hourly"];

    /// <summary>The period as people read it.</summary>
    public static string Label(string period) => period switch
    {
        "annual" => "per year",
        "monthly" => "per month",
        "weekly" => "per week",
        "daily" => "per day",
        "hourly" => "per hour",
        _ => period,
    };
}
