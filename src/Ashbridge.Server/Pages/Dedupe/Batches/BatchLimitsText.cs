using System.Globalization;
using Ashbridge.Core.Dedupe.Batches;

namespace Ashbridge.Server.Pages.Dedupe.Batches;

/// <summary>The batch limits as the pages say them.</summary>
public static class BatchLimitsText
{
    public static string Rows { get; } = BatchLimits.MaxRows.ToString("N0", CultureInfo.InvariantCulture);
}
