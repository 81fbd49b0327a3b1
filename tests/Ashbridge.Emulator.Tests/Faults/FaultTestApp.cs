using System.Net.Http.Headers;
using System.Text;
using Ashbridge.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Emulator.Tests.Faults;

/// <summary>A small real server with the fault middleware in front of a dummy Ashby endpoint and a dummy control route.</summary>
internal sealed class FaultTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FaultTestApp(WebApplication app, HttpClient client, TimeProvider time)
    {
        _app = app;
        Client = client;
        Time = time;
    }

    public HttpClient Client { get; }

    public TimeProvider Time { get; }

    public static async Task<FaultTestApp> StartAsync(string? profile, int seed = 1, TimeProvider? time = null)
    {
        time ??= new SignalingFakeTimeProvider();
        var options = new EmulatorOptions { FaultProfile = profile, Seed = seed, TimeProvider = time };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddEmulatorFaults(options);
        var app = builder.Build();
        app.UseEmulatorFaults();
        app.MapEmulatorFaultControl();
        app.MapPost("/candidate.list", () => Results.Text("{\"success\":true,\"results\":[]}", "application/json"));
        app.MapGet("/_emulator/health", () => Results.Text("ok"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        return new FaultTestApp(app, client, time);
    }

    /// <summary>POSTs <c>{}</c> to <c>/candidate.list</c> with <paramref name="apiKey"/> as the Basic-auth user name.</summary>
    public Task<HttpResponseMessage> CallAshbyAsync(string apiKey = "key-a")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "candidate.list") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")));
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<List<int>> StatusesAsync(int count, string apiKey = "key-a")
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var response = await CallAshbyAsync(apiKey);
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
