using Microsoft.Playwright;

namespace Ashbridge.Server.Tests.Browser;

/// <summary>
/// The README's screenshots: the home page, the new-hire queue, the review form and People, at 1440 and 390 px, taken
/// from the demo. <c>eng/screenshots.sh</c> runs this with <c>ASHBRIDGE_SCREENSHOTS=docs/screenshots</c>; without it
/// they go to a temporary folder, and the test still proves each page renders clean at both widths.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture browser) : HubPageTest(browser), IClassFixture<BrowserFixture>
{
    private const string FolderVariable = "ASHBRIDGE_SCREENSHOTS";

    [Fact]
    public async Task The_readme_screenshots_are_taken_at_both_widths()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Directory.CreateTempSubdirectory("ashbridge-screenshots-").FullName;
        Directory.CreateDirectory(folder);
        var demo = await DemoData.PrepareAsync(Hub, Ct);
        var shots = new (string Name, string Path)[]
        {
            ("home", "/"),
            ("new-hires", "/new-hires/demo"),
            ("review", $"/new-hires/demo/review/{demo.PendingApplicationId}"),
            ("people", "/members"),
        };

        foreach (var width in new[] { 1440, 390 })
        {
            await Page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            foreach (var (name, path) in shots)
            {
                (await Page.GotoAsync(path))!.Status.ShouldBe(200, path);
                await AssertPageIsCleanAsync();
                var file = System.IO.Path.Combine(folder, $"{name}-{width}.png");
                await Page.ScreenshotAsync(new() { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
                PngWidth(file).ShouldBe(width, file);
            }
        }
    }

    /// <summary>The width a PNG's header gives (bytes 16–19 of the IHDR chunk, big-endian).</summary>
    private static int PngWidth(string file)
    {
        var header = new byte[24];
        using (var stream = File.OpenRead(file)) stream.ReadExactly(header);
        return (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19];
    }
}
