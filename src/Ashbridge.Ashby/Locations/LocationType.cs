namespace Ashbridge.Ashby;

/// <summary>Location types. Ashby may add values; unknown strings are kept as they are.</summary>
public static class LocationType
{
    /// <summary><c>Location</c>.</summary>
    public const string Location = "Location";

    /// <summary><c>LocationHierarchy</c>.</summary>
    public const string LocationHierarchy = "LocationHierarchy";
}
