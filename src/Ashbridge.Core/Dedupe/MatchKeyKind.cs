namespace Ashbridge.Core.Dedupe;

/// <summary>The kinds of key in <c>candidate_match_keys</c>, stored as these words.</summary>
public static class MatchKeyKind
{
    /// <summary>An email's canonical form (<see cref="EmailKey.Canonical"/>).</summary>
    public const string Email = "email";

    /// <summary>A phone number in E.164.</summary>
    public const string Phone = "phone";

    /// <summary>A profile URL's key (<see cref="ProfileUrl.Key"/>).</summary>
    public const string Url = "url";

    /// <summary>A name's blocking key (<see cref="PersonName.BlockingKeys"/>).</summary>
    public const string Name = "name";
}
