using Xunit;
using Ashbridge.Emulator;

namespace Ashbridge.Testing;

/// <summary>
/// A real emulated Ashby on a free loopback port, shared by the tests of a class or collection.
/// Derive and override <see cref="CreateOptions"/> for another seed, size, key file or fault profile.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    private EmulatorHost? _host;

    /// <summary>The running emulator.</summary>
    public EmulatorHost Host => _host ?? throw new InvalidOperationException("The emulator has not started yet.");

    /// <summary>Where the emulated Ashby API answers.</summary>
    public Uri BaseUrl => Host.BaseUrl;

    /// <summary>A key with every permission and both access flags.</summary>
    public string ApiKey => Host.DemoApiKey;

    /// <summary>The options the emulator starts with; the default is the small organisation of seed 1.</summary>
    protected virtual EmulatorOptions CreateOptions() => new() { Seed = 1, Size = "small" };

    public async ValueTask InitializeAsync() => _host = await EmulatorHost.StartAsync(CreateOptions());

    public virtual async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
