using System.Text.Json;

namespace Ashbridge.Core.Members;

/// <summary>A person in Ashbridge's people directory, added from a reviewed new hire.</summary>
/// <param name="Extra">Custom fields and compensation types, by member field name (keys keep their <c>custom:</c>/<c>compensation:</c> prefix).</param>
public sealed record Member(
    long Id, long? ConnectionId, string? ApplicationId, string? CandidateId,
    string FirstName, string LastName, string PersonalEmail, string? PersonalPhone, string? StartDate,
    string JobTitle, string? Department, string? PlaceOfWork,
    decimal? SalaryAmount, string? SalaryCurrency, string? SalaryPeriod,
    IReadOnlyDictionary<string, string> Extra, DateTimeOffset CreatedAt, string CreatedBy)
{
    public string Name => $"{FirstName} {LastName}";

    /// <summary>When the member was last edited, or <see langword="null"/> when never.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Who last edited the member.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>When the member was offboarded, or <see langword="null"/> while they are active.</summary>
    public DateTimeOffset? OffboardedAt { get; init; }

    /// <summary>The member's last day (yyyy-MM-dd), given when they were offboarded.</summary>
    public string? OffboardDate { get; init; }

    /// <summary>Who offboarded the member.</summary>
    public string? OffboardedBy { get; init; }

    /// <summary>Whether the member has been offboarded (and not reinstated).</summary>
    public bool Offboarded => OffboardedAt is not null;

    /// <summary>A copy without salary and compensation, for people who are not admins.</summary>
    public Member WithoutCompensation() => this with
    {
        SalaryAmount = null, SalaryCurrency = null, SalaryPeriod = null,
        Extra = Extra.Where(kv => !kv.Key.StartsWith(NewHires.NewHireFields.CompensationPrefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
    };

    /// <summary>The JSON sent to other HR systems and exported (camelCase, like the API).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
