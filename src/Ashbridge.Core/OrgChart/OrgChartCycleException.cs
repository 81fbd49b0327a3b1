namespace Ashbridge.Core.OrgChart;

/// <summary>A manager change that would make someone their own manager, directly or through others; nothing was changed.</summary>
public sealed class OrgChartCycleException : Exception
{
    public OrgChartCycleException()
        : this([])
    {
    }

    public OrgChartCycleException(string message)
        : base(message)
    {
        Loop = [];
    }

    public OrgChartCycleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Loop = [];
    }

    /// <param name="loop">The people in the loop by e-mail, the first repeated at the end.</param>
    public OrgChartCycleException(IReadOnlyList<string> loop)
        : base(loop.Count == 0 ? "The change would make a loop of managers." : $"The change would make a loop of managers: {string.Join(" → ", loop)}.")
    {
        Loop = loop;
    }

    /// <summary>The people in the loop by e-mail, the first repeated at the end.</summary>
    public IReadOnlyList<string> Loop { get; }
}
