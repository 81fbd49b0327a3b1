namespace Ashbridge.Core.OrgChart;

/// <summary>A person or open role the request named is not in the chart; nothing was changed.</summary>
public sealed class OrgChartNotFoundException : Exception
{
    public OrgChartNotFoundException()
    {
    }

    public OrgChartNotFoundException(string message)
        : base(message)
    {
    }

    public OrgChartNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
