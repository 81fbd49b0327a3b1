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

/// <summary>A hub of its own and a browser page signed in to it as the admin, new for each test.</summary>
public abstract class HubPageTest(Browser.BrowserFixture browser) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    protected HubFactory Hub { get; } = new();

    protected IPage Page { get; private set; } = null!;

    /// <summary>The shared browser, for a second person's context beside <see cref="Page"/>.</summary>
    protected IBrowser Chromium => browser.Browser;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Hub.StartServer();
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Hub.ClientOptions.BaseAddress.ToString() });
        Page = await _context.NewPageAsync();
        await Browser.ConnectionsPageTests.SignInAsync(Page);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await Hub.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
