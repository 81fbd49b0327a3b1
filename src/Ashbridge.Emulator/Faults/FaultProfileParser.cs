using System.Globalization;

namespace Ashbridge.Emulator.Faults;

/// <summary>Reads a fault profile: comma-separated names and <c>key=value</c> parts, applied left to right.</summary>
/// <remarks>
/// Grammar (documented in docs/concepts/emulator-webhooks.md):
/// <c>profile := part ("," part)*</c>; <c>part := name | key "=" value</c>;
/// names: <c>none</c>, <c>flaky</c>, <c>rate-limited</c>, <c>chaos</c>;
/// keys: <c>rate</c> (<c>20/s</c>, <c>600/min</c>, <c>off</c>), <c>burst</c> (integer ≥ 1), <c>retryAfterHeader</c> (true/false),
/// <c>5xx</c>, <c>drop</c>, <c>dup</c>, <c>reorder</c> (a probability 0–1 or a percentage like <c>5%</c>),
/// <c>latency</c> (<c>50ms</c>, <c>5-50ms</c>, <c>0.5-2s</c>). A later part overrides an earlier one, so <c>flaky,dup=0.1</c> works.
/// </remarks>
internal static class FaultProfileParser
{
    /// <summary>The named profiles as specs; a name expands to its spec where it appears.</summary>
    public static readonly IReadOnlyDictionary<string, string> Named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = "",
        ["flaky"] = "5xx=0.03,drop=0.01,latency=0-40ms",
        ["rate-limited"] = "rate=5/s,burst=5",
        ["chaos"] = "rate=20/s,5xx=0.05,drop=0.02,latency=5-100ms,dup=0.1,reorder=0.1",
    };

    /// <summary>Parses a profile; null or blank gives <see cref="FaultProfile.None"/>.</summary>
    /// <exception cref="FormatException">A part is unknown or its value is out of range; the message names the part.</exception>
    public static FaultProfile Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return FaultProfile.None;
        var profile = Apply(FaultProfile.None, text, text);
        return profile with { Source = text.Trim() };
    }

    private static FaultProfile Apply(FaultProfile profile, string spec, string whole)
    {
        if (spec.Length == 0) return profile;
        foreach (var raw in spec.Split(','))
        {
            var part = raw.Trim();
            if (part.Length == 0) throw Bad(whole, raw, "empty part (two commas in a row or a trailing comma)");
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (!Named.TryGetValue(part, out var named))
                    throw Bad(whole, part, $"unknown profile name; the names are {string.Join(", ", Named.Keys)}, or give key=value parts");
                profile = Apply(profile, named, whole);
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            profile = key.ToUpperInvariant() switch
            {
                "RATE" => profile with { RatePerSecond = ParseRate(value, whole, part) },
                "BURST" => profile with { Burst = ParseBurst(value, whole, part) },
                "RETRYAFTERHEADER" => profile with { RetryAfterHeader = ParseBool(value, whole, part) },
                "5XX" => profile with { ServerErrorRate = ParseProbability(value, whole, part) },
                "DROP" => profile with { DropRate = ParseProbability(value, whole, part) },
                "DUP" => profile with { DuplicateRate = ParseProbability(value, whole, part) },
                "REORDER" => profile with { ReorderRate = ParseProbability(value, whole, part) },
                "LATENCY" => ParseLatency(profile, value, whole, part),
                _ => throw Bad(whole, part, "unknown key; the keys are rate, burst, retryAfterHeader, 5xx, drop, latency, dup, reorder"),
            };
        }

        return profile;
    }

    private static double? ParseRate(string value, string whole, string part)
    {
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var number = slash < 0 ? value : value[..slash];
        var unit = slash < 0 ? "s" : value[(slash + 1)..].Trim().ToUpperInvariant();
        var perUnit = unit switch
        {
            "S" or "SEC" or "SECOND" => 1.0,
            "M" or "MIN" or "MINUTE" => 60.0,
            "H" or "HOUR" => 3600.0,
            _ => double.NaN,
        };
        if (double.IsNaN(perUnit) || !TryNumber(number, out var count) || count <= 0)
            throw Bad(whole, part, "a rate must be a positive number per s, min or h, e.g. rate=20/s or rate=600/min (or rate=off)");
        return count / perUnit;
    }

    private static int ParseBurst(string value, string whole, string part) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var burst) && burst >= 1
            ? burst
            : throw Bad(whole, part, "a burst must be a whole number of requests, at least 1");

    private static bool ParseBool(string value, string whole, string part) =>
        bool.TryParse(value, out var flag) ? flag : throw Bad(whole, part, "the value must be true or false");

    private static double ParseProbability(string value, string whole, string part)
    {
        var percent = value.EndsWith('%');
        if (TryNumber(percent ? value[..^1] : value, out var number))
        {
            var probability = percent ? number / 100 : number;
            if (probability is >= 0 and <= 1) return probability;
        }

        throw Bad(whole, part, "a probability must be between 0 and 1, or a percentage like 5%");
    }

    private static FaultProfile ParseLatency(FaultProfile profile, string value, string whole, string part)
    {
        double scale;
        string numbers;
        if (value.EndsWith("ms", StringComparison.OrdinalIgnoreCase)) (scale, numbers) = (1, value[..^2]);
        else if (value.EndsWith('s') || value.EndsWith('S')) (scale, numbers) = (1000, value[..^1]);
        else throw Bad(whole, part, "a latency needs a unit, e.g. latency=50ms, latency=5-50ms or latency=0.5-2s");

        var dash = numbers.IndexOf('-', StringComparison.Ordinal);
        var low = dash < 0 ? numbers : numbers[..dash];
        var high = dash < 0 ? numbers : numbers[(dash + 1)..];
        if (!TryNumber(low, out var min) || !TryNumber(high, out var max) || min < 0 || max < min)
            throw Bad(whole, part, "a latency range must be min-max with 0 ≤ min ≤ max, e.g. latency=5-50ms");
        return profile with { LatencyMin = TimeSpan.FromMilliseconds(min * scale), LatencyMax = TimeSpan.FromMilliseconds(max * scale) };
    }

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    private static FormatException Bad(string whole, string part, string why) =>
        new($"Invalid fault profile '{whole}' at '{part.Trim()}': {why}.");
}
