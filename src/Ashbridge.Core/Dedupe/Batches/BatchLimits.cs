namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>How big a batch may be: a file larger than this is refused whole, with a message saying the limit.</summary>
public static class BatchLimits
{
    /// <summary>The largest file read (CSV or XLSX), in bytes.</summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>The most rows (besides the header) in one file.</summary>
    public const int MaxRows = 50_000;

    /// <summary>The most columns in one file.</summary>
    public const int MaxColumns = 100;

    /// <summary>The longest cell kept, in characters.</summary>
    public const int MaxCellLength = 4000;
}
