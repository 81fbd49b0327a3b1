using System.Text.Json.Serialization;

namespace Ashbridge.Core.NewHires;

/// <summary>Where a new hire is: waiting for review, added as a member, or deleted by a reviewer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NewHireState>))]
public enum NewHireState
{
    Pending,
    Added,
    Deleted,
}

/// <summary>What a reviewer sees at a glance in the list.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NewHireStatus>))]
public enum NewHireStatus
{
    /// <summary>Every enabled field has a value: ready to add.</summary>
    Complete,

    /// <summary>Some enabled fields have no value yet.</summary>
    MissingFields,

    /// <summary>Ashby changed a value since the reviewer last saved.</summary>
    ChangedSinceReview,

    Added,
    Deleted,
}

/// <summary>A value Ashby changed after the new hire was queued.</summary>
public sealed record FieldChange(string Field, string? Before, string? After, DateTimeOffset At);

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

/// <summary>The new hire is not in the queue (or no longer pending); the message says which.</summary>
public sealed class NewHireNotFoundException : Exception
{
    public NewHireNotFoundException() { }

    public NewHireNotFoundException(string message) : base(message) { }

    public NewHireNotFoundException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>The reviewer's values were refused (a required field is empty, a value does not fit); the message lists each.</summary>
public sealed class NewHireInvalidException : Exception
{
    public NewHireInvalidException() { }

    public NewHireInvalidException(string message) : base(message) { }

    public NewHireInvalidException(string message, Exception? innerException) : base(message, innerException) { }

    public NewHireInvalidException(IReadOnlyList<string> problems) : base(string.Join(" ", problems ?? [])) => Problems = problems ?? [];

    /// <summary>Each problem on its own.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
