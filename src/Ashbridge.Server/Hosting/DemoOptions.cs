using System.ComponentModel.DataAnnotations;

namespace Ashbridge.Server.Hosting;

/// <summary>The emulator started when no key is configured (<c>Ashbridge:Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Ashbridge:Demo";

    [Required]
    public string EmulatorUrl { get; set; } = "http://127.0.0.1:5080";

    public int Seed { get; set; } = 1;

    [Required]
    public string Size { get; set; } = "small";
}
