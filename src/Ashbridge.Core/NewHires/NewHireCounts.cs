namespace Ashbridge.Core.NewHires;

/// <summary>How many of a connection's new hires are in each state.</summary>
public sealed record NewHireCounts(int Pending, int Added, int Deleted)
{
    /// <summary>The count for one state.</summary>
    public int Of(NewHireState state) => state switch
    {
        NewHireState.Added => Added,
        NewHireState.Deleted => Deleted,
        _ => Pending,
    };
}
