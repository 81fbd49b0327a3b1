using Microsoft.Playwright;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>Checks that a page fits a phone's width: nothing sticks out sideways except inside a scrolling <c>.table-wrap</c>.</summary>
internal static class PhoneLayout
{
    private const string Overflowing = """
        (() => {
          const width = document.documentElement.clientWidth;
          const out = [];
          for (const e of document.querySelectorAll("body *")) {
            if (e.closest(".table-wrap, .sr-only, dialog") || e.getClientRects().length === 0) continue;
            const r = e.getBoundingClientRect();
            if (r.right > width + 1) out.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().replace(/\s+/g, ".") : "") + " right=" + Math.round(r.right));
          }
          return out.slice(0, 10);
        })()
        """;

    public static async Task AssertFitsAsync(IPage page)
    {
        var overflowing = await page.EvaluateAsync<string[]>(Overflowing);
        overflowing.ShouldBeEmpty($"on {page.Url}, wider than the window: {string.Join(", ", overflowing)}");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
    }
}
