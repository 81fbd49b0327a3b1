namespace Ashbridge.Ashby;

/// <summary>Placeholder until the client lands.</summary>
public sealed class AshbyClientOptions
{
    /// <summary>The base URL of the Ashby API.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.ashbyhq.com");
}
