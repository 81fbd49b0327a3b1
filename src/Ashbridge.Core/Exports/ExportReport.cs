namespace Ashbridge.Core.Exports;

/// <summary>What a run wrote: its rows, the values left out for not fitting their type (the first <see cref="MaxProblems"/>), and the columns whose field Ashby deleted.</summary>
public sealed record ExportReport(long Rows, IReadOnlyList<ExportProblem> Problems, long ProblemCount, IReadOnlyList<string> DeletedColumns)
{
    /// <summary>The most problems one report lists (the count says how many there were).</summary>
    public const int MaxProblems = 1000;
}
