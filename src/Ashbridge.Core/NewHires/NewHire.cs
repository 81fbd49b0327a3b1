namespace Ashbridge.Core.NewHires;

/// <summary>A hired application in the review queue.</summary>
/// <param name="Imported">The values mapped from Ashby.</param>
/// <param name="Overrides">The reviewer's values, which win over the imported ones.</param>
/// <param name="Values">The values an "add member" would use: imported, overridden.</param>
/// <param name="Missing">Enabled default fields with no value; the required ones block "add member".</param>
/// <param name="Problems">What could not be mapped, and why.</param>
/// <param name="Changes">What Ashby changed since the reviewer last saved.</param>
public sealed record NewHire(
    long ConnectionId, string ApplicationId, string? CandidateId, NewHireState State, NewHireStatus Status,
    IReadOnlyDictionary<string, string> Imported, IReadOnlyDictionary<string, string> Overrides, IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Problems, IReadOnlyList<FieldChange> Changes,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ReviewedAt, DateTimeOffset? DecidedAt, string? DecidedBy)
{
    /// <summary>The name to show: the values' first and last name, or the application id.</summary>
    public string DisplayName =>
        string.Join(' ', new[] { Values.GetValueOrDefault(NewHireFields.FirstName), Values.GetValueOrDefault(NewHireFields.LastName) }.Where(v => v is not null)) is { Length: > 0 } name
            ? name
            : ApplicationId;

    /// <summary>A copy without compensation (salary and compensation types), for people who are not admins.</summary>
    public NewHire WithoutCompensation() => this with
    {
        Imported = Strip(Imported), Overrides = Strip(Overrides), Values = Strip(Values),
        Changes = [.. Changes.Where(c => !NewHireFields.IsAdminOnly(c.Field))],
        Missing = [.. Missing.Where(m => !NewHireFields.IsAdminOnly(m))],
    };

    private static Dictionary<string, string> Strip(IReadOnlyDictionary<string, string> values) =>
        values.Where(kv => !NewHireFields.IsAdminOnly(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
