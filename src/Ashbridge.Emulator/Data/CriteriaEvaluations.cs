namespace Ashbridge.Emulator.Data;

/// <summary>One AI evaluation of an application against a criterion of its job.</summary>
internal readonly record struct CriteriaEvaluation(Guid Id, Criterion Criterion, string Status, string? Outcome, double? OutcomeNumber, string? Reasoning, string? SkipReason, long? EvaluatedMs);

/// <summary>
/// Criteria evaluations are derived, not stored: each follows from the application's id and the criterion's id, so
/// 150k applications cost no memory and every call answers the same. Applications on jobs without criteria have none.
/// </summary>
internal static class CriteriaEvaluations
{
    private static readonly (string Outcome, double Number, string Reasoning)[] Outcomes =
    [
        ("Meets", 0.9, "The resume shows clear, recent evidence for this criterion."),
        ("Meets", 0.75, "Most of the evidence supports this criterion, with one gap in tenure."),
        ("Partially Meets", 0.5, "Related experience is present but not at the level the criterion asks for."),
        ("Does Not Meet", 0.15, "Nothing in the application addresses this criterion."),
    ];

    public static IReadOnlyList<CriteriaEvaluation> Of(Organization org, Application a)
    {
        if (!org.JobCriteria.TryGetValue(a.Job, out var criteria)) return [];
        var list = new List<CriteriaEvaluation>(criteria.Length);
        Span<byte> bytes = stackalloc byte[16];
        foreach (var c in criteria)
        {
            a.Id.TryWriteBytes(bytes);
            var mix = BitConverter.ToInt64(bytes) ^ BitConverter.ToInt64(bytes[8..]);
            c.Id.TryWriteBytes(bytes);
            mix ^= BitConverter.ToInt64(bytes) * 31;
            var rng = new DeterministicRandom(mix);
            var id = rng.NextGuid();
            var evaluated = a.CreatedMs + 60_000 + rng.NextLong(3_600_000);
            var roll = rng.Next(20);
            if (roll == 0)
            {
                list.Add(new CriteriaEvaluation(id, c, "Skipped", null, null, null, "The application has no resume to evaluate.", evaluated));
            }
            else if (roll == 1)
            {
                list.Add(new CriteriaEvaluation(id, c, "Failed", null, null, null, null, null));
            }
            else
            {
                var (outcome, number, reasoning) = Outcomes[rng.Next(Outcomes.Length)];
                list.Add(new CriteriaEvaluation(id, c, "Completed", outcome, number, reasoning, null, evaluated));
            }
        }

        return list;
    }
}
