using Ashbridge.Emulator;
using Xunit;

namespace Ashbridge.Testing;

/// <summary>
/// A real emulated Ashby on a free loopback port, shared by the tests of a class or collection.
/// Derive and override <see cref="CreateOptions"/> for another seed, size, clock or fault profile, and
/// <see cref="Keys"/> for keys with chosen permissions.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    private readonly string _keysFile = Path.Combine(Path.GetTempPath(), $"ashby-emulator-keys-{Guid.NewGuid():N}.json");
    private EmulatorHost? _host;

    /// <summary>The running emulator.</summary>
    public EmulatorHost Host => _host ?? throw new InvalidOperationException("The emulator has not started yet.");

    /// <summary>Where the emulated Ashby API answers.</summary>
    public Uri BaseUrl => Host.BaseUrl;

    /// <summary>A key with every permission and both access flags.</summary>
    public string ApiKey => Host.DemoApiKey;

    /// <summary>The options the emulator starts with; the default is the small organisation of seed 1.</summary>
    protected virtual EmulatorOptions CreateOptions() => new() { Seed = 1, Size = "small" };

    /// <summary>The keys the emulator accepts; null (the default) gives its one demo key with every permission.</summary>
    protected virtual IReadOnlyList<EmulatorKey>? Keys => null;

    /// <summary>The first active application and its candidate, read through the emulated Ashby API as any client would.</summary>
    public async Task<(string ApplicationId, string CandidateId)> ActiveApplicationAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, "application.list"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { status = "Active", limit = 5 }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ApiKey + ":")));
        using var response = await http.SendAsync(request, cancellationToken);
        using var body = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var first = body.RootElement.GetProperty("results").EnumerateArray().First();
        return (first.GetProperty("id").GetString()!, first.GetProperty("candidate").GetProperty("id").GetString()!);
    }

    public async ValueTask InitializeAsync()
    {
        var options = CreateOptions();
        if (Keys is { } keys)
        {
            EmulatorKey.WriteFile(_keysFile, keys);
            options.KeysFile = _keysFile;
        }

        _host = await EmulatorHost.StartAsync(options, ct: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        File.Delete(_keysFile);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a derived fixture holds, before the emulator stops.</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
