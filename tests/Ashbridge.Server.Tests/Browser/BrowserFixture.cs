using Microsoft.Playwright;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// A real headless Chromium driven by Playwright, shared by a test class. It is Debian's chromium (which <c>.ci/run</c>
/// installs), or the browser named by <c>ASHBRIDGE_TEST_CHROMIUM</c>; without one the tests fail and say how to get it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumVariable = "ASHBRIDGE_TEST_CHROMIUM";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"No Chromium at {executable}: install Debian's package (sudo apt-get install chromium) or point {ChromiumVariable} at a Chromium binary.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
