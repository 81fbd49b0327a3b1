namespace Ashbridge.Core.Dedupe;

/// <summary>One key a candidate is found by: its kind, the normalised key, and the value as the candidate has it (to explain a match).</summary>
public readonly record struct MatchKey(string Kind, string Key, string Value);
