using System.ComponentModel.DataAnnotations;

namespace Ashbridge.Server.Hosting;

/// <summary>The Ashby connection the hub serves (<c>Ashbridge:Ashby</c>); an empty key means demo mode.</summary>
public sealed class AshbyConnectionOptions
{
    public const string Section = "Ashbridge:Ashby";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.ashbyhq.com/");

    /// <summary>The Ashby API key. Set it through an environment variable (<c>Ashbridge__Ashby__ApiKey</c>), not a file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The name the configured Ashby gets among the hub's connections.</summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{0,63}$")]
    public string ConnectionName { get; set; } = "ashby";
}
