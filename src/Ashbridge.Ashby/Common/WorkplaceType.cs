namespace Ashbridge.Ashby;

/// <summary>Workplace types. Ashby may add values; unknown strings are kept as they are.</summary>
public static class WorkplaceType
{
    /// <summary><c>OnSite</c>.</summary>
    public const string OnSite = "OnSite";

    /// <summary><c>Hybrid</c>.</summary>
    public const string Hybrid = "Hybrid";

    /// <summary><c>Remote</c>.</summary>
    public const string Remote = "Remote";
}
