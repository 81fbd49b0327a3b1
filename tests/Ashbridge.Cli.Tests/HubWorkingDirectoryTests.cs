using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
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
    private readonly StringBuilder _output = new();
    private Process? _hub;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Ashbridge.Server.dll")] // dotnet run --project src/Ashbridge.Server
    [InlineData("ashbridge.dll", "serve")]
    public async Task Started_from_another_folder_the_hub_uses_its_own_settings_and_assets(string program, params string[] verb)
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        Start(elsewhere, [Path.Combine(AppContext.BaseDirectory, program), .. verb, "--urls", baseUrl.ToString().TrimEnd('/'),
            $"--Ashbridge:Database={Path.Combine(_folder, "hub.db")}", "--Ashbridge:Demo:EmulatorUrl=http://127.0.0.1:0"]);

        using var http = new HttpClient { BaseAddress = baseUrl };
        var signIn = await Eventually.ValueAsync(() => SignInPageAsync(http), page => page is not null, TimeSpan.FromSeconds(90), "the hub's sign-in page\n" + _output);
        var stylesheet = StylesheetLink().Match(signIn!);
        stylesheet.Success.ShouldBeTrue("the sign-in page links its stylesheet");
        using (var css = await http.GetAsync(new Uri(stylesheet.Groups[1].Value, UriKind.Relative), Ct))
        {
            css.StatusCode.ShouldBe(HttpStatusCode.OK);
            css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        }

        // A graceful stop: the console logger writes in order, so once the stop is logged every request line would be too.
        using (var term = Process.Start("kill", ["-TERM", _hub!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync(Ct);
        await _hub.WaitForExitAsync(Ct);
        var log = Output();
        log.ShouldContain("Application is shutting down");
        log.ShouldNotContain("Request starting"); // Microsoft.AspNetCore is at Warning in the hub's appsettings.json
        log.ShouldNotContain("Request finished");
    }

    private async Task<string?> SignInPageAsync(HttpClient http)
    {
        if (_hub!.HasExited) throw new InvalidOperationException($"The hub exited with {_hub.ExitCode}:\n{Output()}");
        try
        {
            using var response = await http.GetAsync(new Uri("/signin", UriKind.Relative), Ct);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(Ct) : null;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    private void Start(string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASHBRIDGE_DATA"] = _folder;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        _hub = Process.Start(start)!;
        _hub.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _hub.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _hub.BeginOutputReadLine();
        _hub.BeginErrorReadLine();
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            if (!_hub.HasExited) _hub.Kill(entireProcessTree: true);
            await _hub.WaitForExitAsync();
            _hub.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLink();
}
