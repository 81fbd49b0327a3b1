using Ashbridge.Ashby;
using Ashbridge.Core.Connections;
using Ashbridge.Emulator;
using Microsoft.Extensions.Options;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// The Ashby connection the hub runs against: the configured key, or — when none is configured — a demo
/// emulator started in-process, so a newcomer sees everything working without an Ashby account.
/// On start it runs the key check and keeps the report for the status page.
/// </summary>
public sealed partial class ActiveConnection(
    IOptions<AshbyConnectionOptions> connection,
    IOptions<DemoOptions> demo,
    ILogger<ActiveConnection> logger) : IHostedService, IAsyncDisposable
{
    private EmulatorHost? _emulator;
    private AshbyClient? _client;

    /// <summary>Whether this is the built-in demo (an in-process emulator) rather than a configured Ashby.</summary>
    public bool IsDemo => _emulator is not null;

    /// <summary>Where Ashby (or the emulator) answers.</summary>
    public Uri? BaseUrl { get; private set; }

    /// <summary>The key in use (the configured one, or the demo emulator's); for the connection store only, never shown.</summary>
    internal string? ApiKey { get; private set; }

    /// <summary>The key check's outcome, once it ran.</summary>
    public KeyCheckReport? Report { get; private set; }

    /// <summary>Why the key check failed, in words for the admin; null when it succeeded or has not run.</summary>
    public string? Problem { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var apiKey = connection.Value.ApiKey;
        BaseUrl = connection.Value.BaseUrl;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            _emulator = await StartDemoEmulatorAsync(cancellationToken);
            BaseUrl = _emulator.BaseUrl;
            apiKey = _emulator.DemoApiKey;
            LogDemo(logger, BaseUrl, apiKey);
        }

        ApiKey = apiKey;
        _client = new AshbyClient(new AshbyClientOptions { ApiKey = apiKey, BaseUrl = BaseUrl });
        try
        {
            Report = await new KeyCheck(_client).RunAsync(cancellationToken);
            LogChecked(logger, BaseUrl, Report.Features.Count(f => f.IsReady), Report.Features.Count);
        }
        catch (AshbyApiException e)
        {
            // The hub still starts, so the admin can see what is wrong on the status page.
            Problem = AshbyFailure.Classify(e).Message;
            LogCheckFailed(logger, BaseUrl, Problem);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts the demo emulator at its configured address or, when another program holds that port (5080 is a common
    /// one), on a free port: the demo is for trying the hub, and a taken port should not stop it.
    /// </summary>
    private async Task<EmulatorHost> StartDemoEmulatorAsync(CancellationToken cancellationToken)
    {
        var options = new EmulatorOptions { Seed = demo.Value.Seed, Size = demo.Value.Size };
        try
        {
            return await EmulatorHost.StartAsync(options, demo.Value.EmulatorUrl, cancellationToken);
        }
        catch (IOException e) when (IsAddressInUse(e) && Uri.TryCreate(demo.Value.EmulatorUrl, UriKind.Absolute, out var configured))
        {
            var emulator = await EmulatorHost.StartAsync(options, new UriBuilder(configured) { Port = 0 }.Uri.ToString(), cancellationToken);
            LogPortTaken(logger, configured.Port, emulator.BaseUrl.Port, DemoOptions.Section);
            return emulator;
        }
    }

    /// <summary>Kestrel reports a taken port as an IOException around an AddressInUseException (around the socket's error).</summary>
    private static bool IsAddressInUse(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is Microsoft.AspNetCore.Connections.AddressInUseException
                or System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }) return true;
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    // The demo key is the emulator's own throwaway key, never a real Ashby key; printing it is the point of the demo.
    [LoggerMessage(1, LogLevel.Information, "No Ashby key configured: running the demo emulator at {BaseUrl} with API key {DemoKey}")]
    private static partial void LogDemo(ILogger logger, Uri baseUrl, string demoKey);

    [LoggerMessage(2, LogLevel.Information, "Key check against {BaseUrl}: {Ready} of {Total} features ready")]
    private static partial void LogChecked(ILogger logger, Uri baseUrl, int ready, int total);

    [LoggerMessage(4, LogLevel.Warning, "The demo emulator's port {ConfiguredPort} is taken by another program, so it runs on port {Port} instead; set {Section}:EmulatorUrl to choose its address")]
    private static partial void LogPortTaken(ILogger logger, int configuredPort, int port, string section);

    [LoggerMessage(3, LogLevel.Warning, "Key check against {BaseUrl} failed: {Problem}")]
    private static partial void LogCheckFailed(ILogger logger, Uri baseUrl, string problem);
}
