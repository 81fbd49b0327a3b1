using System.Net.Http.Headers;
using Ashbridge.Core.Access;
using Ashbridge.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ashbridge.Server.Tests;

/// <summary>The hub's real Program on a free loopback port (Kestrel, not the in-memory test server).</summary>
/// <remarks>Any type of the server's assembly names its entry point; <c>Program</c> itself is ambiguous, since
/// .NET 10 makes every top-level Program public and the emulator has one too.</remarks>
public sealed class HubFactory : WebApplicationFactory<ActiveConnection>
{
    /// <summary>The admin every hub under test starts with (its first admin, from configuration).</summary>
    public const string AdminEmail = "admin@hub.test";

    public const string AdminPassword = "correct horse battery staple";

    private readonly Dictionary<string, string?> _settings;
    private string? _adminToken;

    /// <summary>The hub's data folder: its SQLite database and key ring, deleted with the factory.</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("ashbridge-hub-").FullName;

    public HubFactory(Dictionary<string, string?>? settings = null)
    {
        // The demo emulator takes a free port too, so parallel test classes never collide.
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Ashbridge:Demo:EmulatorUrl"] = "http://127.0.0.1:0",
            ["Ashbridge:Database"] = Path.Combine(DataFolder, "ashbridge.db"),
            ["Ashbridge:Admin:Email"] = AdminEmail,
            ["Ashbridge:Admin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    /// <summary>A client with no credentials, for what the locked hub shows strangers.</summary>
    public HttpClient CreateAnonymousClient() => new() { BaseAddress = ClientOptions.BaseAddress };

    /// <summary>A client signed in with an API token of <paramref name="email"/> (made here), limited as asked.</summary>
    public HttpClient CreateTokenClient(string email, long? connectionId = null, bool readOnly = false)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CreateToken(email, connectionId, readOnly));
        return client;
    }

    /// <summary>A client signed in through the sign-in form, as a person in a browser (pages take cookies, not tokens).</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var cookie = await Access.HubSignIn.CookieAsync(ClientOptions.BaseAddress, email, password, TestContext.Current.CancellationToken);
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Makes an API token straight in the hub's stores (the API that makes tokens needs one first).</summary>
    public string CreateToken(string email, long? connectionId = null, bool readOnly = false)
    {
        var users = Services.GetRequiredService<UserStore>();
        var user = users.FindAsync(email).GetAwaiter().GetResult() ?? throw new InvalidOperationException($"No user {email}.");
        return Services.GetRequiredService<TokenStore>().CreateAsync(user, "tests", connectionId, readOnly).GetAwaiter().GetResult().Token;
    }

    /// <summary>Clients from <c>CreateClient</c> act as the admin, through an API token.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken ??= CreateToken(AdminEmail));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(DataFolder, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
