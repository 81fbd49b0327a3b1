namespace Ashbridge.Core.Members;

/// <summary>
/// An edit of a member's fields. A field left <see langword="null"/> stays as it is; an empty one clears an optional
/// field (and is refused for a required one). Compensation is not edited here: it comes from the accepted offer.
/// </summary>
public sealed record MemberChange(
    string? FirstName = null, string? LastName = null, string? PersonalEmail = null, string? PersonalPhone = null, string? StartDate = null,
    string? JobTitle = null, string? Department = null, string? PlaceOfWork = null);
