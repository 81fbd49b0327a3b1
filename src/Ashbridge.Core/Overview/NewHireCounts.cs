namespace Ashbridge.Core.Overview;

/// <summary>A connection's review queue: hires waiting, and how many of them have fields with no value yet.</summary>
public sealed record NewHireCounts(long Pending, long MissingFields);
