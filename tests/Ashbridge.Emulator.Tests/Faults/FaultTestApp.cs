using System.Net.Http.Headers;
using System.Text;
using Ashbridge.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

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
        var (app, baseUrl) = await LoopbackApp.StartAsync(
            app =>
            {
                app.UseEmulatorFaults();
                app.MapEmulatorFaultControl();
                app.MapPost("/candidate.list", () => Results.Text("{\"success\":true,\"results\":[]}", "application/json"));
                app.MapGet("/_emulator/health", () => Results.Text("ok"));
            },
            builder => builder.Services.AddEmulatorFaults(options),
            TestContext.Current.CancellationToken);
        var client = new HttpClient { BaseAddress = baseUrl };
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
