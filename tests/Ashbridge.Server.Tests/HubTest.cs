using Microsoft.Playwright;

namespace Ashbridge.Server.Tests;

/// <summary>A test class with a hub of its own (real Kestrel on a free port) and a client acting as its admin, new for each test.</summary>
public abstract class HubTest : IAsyncLifetime
{
    protected HubFactory Hub { get; } = new();

    /// <summary>Acts as the hub's first admin, through an API token.</summary>
    protected HttpClient Admin { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync()
    {
        Hub.StartServer();
        Admin = Hub.CreateClient();
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Hub.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A hub of its own and a browser page signed in to it as the admin, new for each test. The page is watched: a console
/// error, an uncaught exception, a Content-Security-Policy violation, a failed request or an answer of 400 or more to
/// anything but a page the test navigates to fails the test when it ends (<see cref="PageWatch"/>).
/// </summary>
public abstract class HubPageTest(Browser.BrowserFixture browser) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    protected HubFactory Hub { get; } = new();

    protected IPage Page { get; private set; } = null!;

    /// <summary>What went wrong in <see cref="Page"/> so far; checked when the test ends.</summary>
    protected Browser.PageWatch Watch { get; private set; } = null!;

    /// <summary>The shared browser, for a second person's context beside <see cref="Page"/>.</summary>
    protected IBrowser Chromium => browser.Browser;

    /// <summary>The window size; a phone's (390 × 844) where a test says so.</summary>
    protected virtual ViewportSize Viewport => new() { Width = 1440, Height = 900 };

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Hub.StartServer();
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Hub.ClientOptions.BaseAddress.ToString(), ViewportSize = Viewport });
        Page = await _context.NewPageAsync();
        Watch = await Browser.PageWatch.StartAsync(Page);
        await Browser.ConnectionsPageTests.SignInAsync(Page);
    }

    /// <summary>Runs axe-core on the page as it is now: fails on any serious or critical finding, and on anything <see cref="Watch"/> saw.</summary>
    protected Task AssertPageIsCleanAsync() => Watch.AssertCleanAsync();

    public virtual async ValueTask DisposeAsync()
    {
        var problems = Watch?.Problems.ToList() ?? [];
        await _context.DisposeAsync();
        await Hub.DisposeAsync();
        GC.SuppressFinalize(this);
        if (problems.Count > 0) throw new Xunit.Sdk.XunitException("The page had problems:\n" + string.Join("\n", problems));
    }
}
