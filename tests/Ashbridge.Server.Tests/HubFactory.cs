using Ashbridge.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ashbridge.Server.Tests;

/// <summary>The hub's real Program on a free loopback port (Kestrel, not the in-memory test server).</summary>
/// <remarks>Any type of the server's assembly names its entry point; <c>Program</c> itself is ambiguous, since
/// .NET 10 makes every top-level Program public and the emulator has one too.</remarks>
public sealed class HubFactory : WebApplicationFactory<ActiveConnection>
{
    private readonly Dictionary<string, string?> _settings;

    /// <summary>The hub's data folder: its SQLite database and key ring, deleted with the factory.</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("ashbridge-hub-").FullName;

    public HubFactory(Dictionary<string, string?>? settings = null)
    {
        // The demo emulator takes a free port too, so parallel test classes never collide.
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Ashbridge:Demo:EmulatorUrl"] = "http://127.0.0.1:0",
            ["Ashbridge:Database"] = Path.Combine(DataFolder, "ashbridge.db"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(DataFolder, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
