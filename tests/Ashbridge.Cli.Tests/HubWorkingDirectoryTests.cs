using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Ashbridge.Testing;

namespace Ashbridge.Cli.Tests;

/// <summary>
/// The hub started from a folder without an <c>appsettings.json</c> still reads the one built beside it: its log levels
/// apply (no request lines at Information) and its pages' stylesheet is served.
/// </summary>
public sealed partial class HubWorkingDirectoryTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cwd-").FullName;
    private ChildProcess? _hub;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Ashbridge.Server.dll")] // dotnet run --project src/Ashbridge.Server
    [InlineData("ashbridge.dll", "serve")]
    public async Task Started_from_another_folder_the_hub_uses_its_own_settings_and_assets(string program, params string[] verb)
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var baseUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}/");
        _hub = ChildProcess.StartDotnet(program, [.. verb, "--urls", baseUrl.ToString().TrimEnd('/'),
            $"--Ashbridge:Database={Path.Combine(_folder, "hub.db")}", "--Ashbridge:Demo:EmulatorUrl=http://127.0.0.1:0"], elsewhere,
            new Dictionary<string, string?> { ["ASHBRIDGE_DATA"] = _folder, ["ASPNETCORE_ENVIRONMENT"] = null, ["DOTNET_ENVIRONMENT"] = null });

        using var http = new HttpClient { BaseAddress = baseUrl };
        var signIn = await Eventually.ValueAsync(() => _hub.GetWhenUpAsync(http, "/signin", Ct), page => page is not null, TimeSpan.FromSeconds(90), "the hub's sign-in page\n" + _hub.Output);
        var stylesheet = StylesheetLink().Match(signIn!);
        stylesheet.Success.ShouldBeTrue("the sign-in page links its stylesheet");
        using (var css = await http.GetAsync(new Uri(stylesheet.Groups[1].Value, UriKind.Relative), Ct))
        {
            css.StatusCode.ShouldBe(HttpStatusCode.OK);
            css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        }

        // A graceful stop: the console logger writes in order, so once the stop is logged every request line would be too.
        using (var term = Process.Start("kill", ["-TERM", _hub.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync(Ct);
        await _hub.Process.WaitForExitAsync(Ct);
        var log = _hub.Output;
        log.ShouldContain("Application is shutting down");
        log.ShouldNotContain("Request starting"); // Microsoft.AspNetCore is at Warning in the hub's appsettings.json
        log.ShouldNotContain("Request finished");
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLink();
}
