using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Testing;

namespace Ashbridge.Cli.Tests;

/// <summary><c>ashbridge serve</c> as a separate process: the hub with its demo, its pages and stylesheet, on the database the CLI's option names.</summary>
public sealed partial class ServeCommandTests : IAsyncDisposable
{
    private const string AdminEmail = "serve@hub.test";
    private const string AdminPassword = "a long enough serve password";

    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-serve-").FullName;
    private ChildProcess? _hub;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_runs_the_hub_with_its_demo_pages_and_stylesheet_on_the_database_given_to_the_cli()
    {
        var database = Path.Combine(_folder, "served.db");
        var baseUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}/");
        Start("serve", "--urls", baseUrl.ToString().TrimEnd('/'), "--database", database,
            "--Ashbridge:Demo:EmulatorUrl=http://127.0.0.1:0", $"--Ashbridge:Admin:Email={AdminEmail}", $"--Ashbridge:Admin:Password={AdminPassword}");

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseUrl };
        var health = await Eventually.ValueAsync(() => HealthAsync(browser), h => h is not null, TimeSpan.FromSeconds(90), "the served hub's /healthz\n" + _hub!.Output);
        health!.Value.GetProperty("status").GetString().ShouldBe("healthy");

        // Locked like the server run directly: strangers are sent to sign in.
        using (var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseUrl })
        {
            using var home = await stranger.GetAsync(new Uri("/", UriKind.Relative), Ct);
            home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            home.Headers.Location!.ToString().ShouldContain("/signin");
        }

        var form = await browser.GetStringAsync(new Uri("/signin", UriKind.Relative), Ct);
        using (var signIn = await browser.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = AdminEmail, ["password"] = AdminPassword, ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
        }), Ct))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync(Ct));
        }

        // Signed in as the admin, health names the database the CLI was given.
        (await HealthAsync(browser))!.Value.GetProperty("checks").GetProperty("database").GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(database);

        // The demo connection is there, and the pages' stylesheet (fingerprinted by the server's static assets) is served.
        var connections = await browser.GetStringAsync(new Uri("/connections", UriKind.Relative), Ct);
        connections.ShouldContain("demo");
        var stylesheet = StylesheetLink().Match(connections);
        stylesheet.Success.ShouldBeTrue("the layout links its stylesheet");
        using var css = await browser.GetAsync(new Uri(stylesheet.Groups[1].Value, UriKind.Relative), Ct);
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        (await css.Content.ReadAsStringAsync(Ct)).ShouldContain("{");
        File.Exists(database).ShouldBeTrue();
    }

    private async Task<JsonElement?> HealthAsync(HttpClient client) =>
        await _hub!.GetWhenUpAsync(client, "/healthz", Ct) is { } json ? JsonSerializer.Deserialize<JsonElement>(json) : null;

    private void Start(params string[] args) =>
        _hub = ChildProcess.StartDotnet("ashbridge.dll", args, environment: new Dictionary<string, string?> { ["ASHBRIDGE_DATA"] = _folder });

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLink();
}
