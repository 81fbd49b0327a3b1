using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// Watches a page for what a person would see as broken or a browser would refuse: console errors, uncaught
/// exceptions, Content-Security-Policy violations (reported from the page's own <c>securitypolicyviolation</c> event),
/// failed requests and error answers to the page's resources and scripts. Navigations the test makes are not counted:
/// a test may open a missing page on purpose and check its 404.
/// </summary>
public sealed class PageWatch
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly IPage _page;

    private PageWatch(IPage page) => _page = page;

    public IEnumerable<string> Problems => _problems;

    /// <summary>Answers of 400 or more that a test expects from scripts (a refused action shown to the person), by path.</summary>
    public HashSet<string> ExpectedErrorPaths { get; } = new(StringComparer.Ordinal);

    public static async Task<PageWatch> StartAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var watch = new PageWatch(page);
        await page.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", e =>
              console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
            """);
        page.Console += (_, message) =>
        {
            // "Failed to load resource" repeats an answer's status, which the Response handler below judges.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) watch._problems.Enqueue($"console error on {page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => watch._problems.Enqueue($"uncaught exception on {page.Url}: {error}");
        page.RequestFailed += (_, request) =>
        {
            // A fetch or a resource cut short by the page navigating away is not a failure.
            if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                watch._problems.Enqueue($"request failed on {page.Url}: {request.Method} {request.Url}: {failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status < 400 || response.Request.IsNavigationRequest) return;
            if (watch.ExpectedErrorPaths.Contains(new Uri(response.Url).AbsolutePath)) return;
            watch._problems.Enqueue($"{response.Status} on {page.Url} for {response.Request.Method} {response.Url}");
        };
        return watch;
    }

    /// <summary>Fails on anything seen so far, then on axe-core's serious and critical findings for the page as it is.</summary>
    public async Task AssertCleanAsync()
    {
        if (!_problems.IsEmpty) throw new Xunit.Sdk.XunitException("The page had problems:\n" + string.Join("\n", _problems));
        var results = await _page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"axe-core on {_page.Url}:\n" + string.Join("\n", serious.Select(v =>
                $"- {v.Impact} {v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})")));
        }
    }
}
