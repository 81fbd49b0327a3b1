using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Ashbridge.Server.Tests.Hosting;

/// <summary>The demo starts even when another program holds its emulator's port.</summary>
public sealed class DemoEmulatorPortTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_emulator_port_taken_the_demo_emulator_runs_on_another_port_and_the_hub_works()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        await using var hub = new HubFactory(new() { ["Ashbridge:Demo:EmulatorUrl"] = $"http://127.0.0.1:{taken}" });

        hub.StartServer();

        using var admin = hub.CreateClient();
        var status = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync(new Uri("/api/status", UriKind.Relative), Ct));
        status.GetProperty("demo").GetBoolean().ShouldBeTrue();
        var baseUrl = new Uri(status.GetProperty("baseUrl").GetString()!);
        baseUrl.Host.ShouldBe("127.0.0.1");
        baseUrl.Port.ShouldNotBe(taken);
        status.GetProperty("features").EnumerateArray().ShouldAllBe(f => f.GetProperty("ready").GetBoolean()); // the key check ran against it
    }
}
