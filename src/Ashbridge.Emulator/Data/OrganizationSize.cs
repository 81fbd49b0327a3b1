using System.Globalization;

namespace Ashbridge.Emulator.Data;

/// <summary>How many of each object a size (<c>small</c>, <c>medium</c>, <c>large</c> or a candidate count) generates.</summary>
internal sealed record OrganizationSize(int Candidates, int Jobs, int Users)
{
    public const int MaxCandidates = 1_000_000;

    /// <summary>Parses a size; the rest scales with the candidate count from the large org's proportions (100k candidates, 2k jobs, 1k users).</summary>
    public static OrganizationSize Parse(string? size)
    {
        var candidates = (size ?? "small").Trim().ToLowerInvariant() switch
        {
            "small" => 200,
            "medium" => 10_000,
            "large" => 100_000,
            var n when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= MaxCandidates => count,
            _ => throw new ArgumentException($"Unknown size '{size}': use small, medium, large or a candidate count from 1 to {MaxCandidates:N0}.", nameof(size)),
        };
        var scale = candidates / 100_000.0;
        return new OrganizationSize(candidates, Math.Max(12, (int)Math.Round(2_000 * scale)), Math.Max(25, (int)Math.Round(1_000 * scale)));
    }
}
