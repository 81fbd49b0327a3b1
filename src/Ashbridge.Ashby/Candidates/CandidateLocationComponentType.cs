namespace Ashbridge.Ashby;

/// <summary>Candidate location component types. Ashby may add values; unknown strings are kept as they are.</summary>
public static class CandidateLocationComponentType
{
    /// <summary><c>Country</c>.</summary>
    public const string Country = "Country";

    /// <summary><c>Region</c>.</summary>
    public const string Region = "Region";

    /// <summary><c>City</c>.</summary>
    public const string City = "City";
}
