using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Control;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Faults;
using Ashbridge.Emulator.Sync;
using Ashbridge.Emulator.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ashbridge.Emulator;

/// <summary>A running emulated Ashby: a generated organisation served by Kestrel over real HTTP.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri baseUrl, EmulatorServices services)
    {
        _app = app;
        BaseUrl = baseUrl;
        Services = services;
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:5080/</c>; Ashby endpoints are <c>BaseUrl + "candidate.list"</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A key with every permission and both access flags.</summary>
    public string DemoApiKey => Services.Keys.DemoKey;

    internal EmulatorServices Services { get; }

    internal Organization Organization => Services.Org;

    /// <summary>Generates the organisation and starts serving it; port 0 picks a free port (see <see cref="BaseUrl"/>).</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, string url = "http://127.0.0.1:0", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var org = OrganizationGenerator.Generate(options.Seed, OrganizationSize.Parse(options.Size));
        var keys = ApiKeyStore.Load(options.KeysFile, options.Seed, OrganizationGenerator.BaseMs - (200L * 86_400_000));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options);
        builder.Services.AddEmulatorWebhooks(options);
        builder.Services.AddEmulatorFaults(options);
        builder.Services.AddSingleton(sp => new EmulatorServices(
            options, org, keys, new TokenCodec(options.Seed), sp.GetService<IWebhookPublisher>(), sp.GetService<IWebhookRegistry>()));
        var app = builder.Build();
        app.UseEmulatorFaults();
        app.MapEmulatorControl();
        app.MapEmulatorWebhookControl();
        app.MapEmulatorFaultControl();
        app.MapAshbyApi();
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorHost(app, new Uri(address.TrimEnd('/') + "/"), app.Services.GetRequiredService<EmulatorServices>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
