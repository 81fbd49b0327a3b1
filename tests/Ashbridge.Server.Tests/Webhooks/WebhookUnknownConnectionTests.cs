using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Core.Webhooks;

namespace Ashbridge.Server.Tests.Webhooks;

/// <summary>
/// Requests naming no connection are limited per client address and minute: beyond the allowance 429, while Ashby's
/// deliveries to a real connection, from that same address, are still stored, and another address has its own allowance.
/// </summary>
public sealed class WebhookUnknownConnectionTests : IAsyncLifetime
{
    private const int Allowed = 3;

    private readonly HubFactory _hub = new(new() { ["Ashbridge:Webhooks:UnknownConnectionPerMinute"] = Allowed.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _hub.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Beyond_the_unknown_names_allowed_per_address_429_while_a_signed_delivery_to_a_real_connection_is_stored()
    {
        using var admin = _hub.CreateClient();
        var secret = (await admin.GetFromJsonAsync<JsonElement>("/api/connections/demo/webhooks", Ct)).GetProperty("secretToken").GetString()!;
        using var stranger = _hub.CreateAnonymousClient(); // from 127.0.0.1
        using var neighbour = ClientFrom(IPAddress.Parse("127.0.0.2"));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= Allowed; i++)
        {
            using var response = await stranger.PostAsync(new Uri($"/webhooks/ashby/nobody-{i}", UriKind.Relative), new StringContent("{}"), Ct);
            answers.Add(response.StatusCode);
            if (i < Allowed) continue;
            response.Headers.RetryAfter?.Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("UnknownConnectionPerMinute");
        }

        var body = Encoding.UTF8.GetBytes(new JsonObject { ["webhookActionId"] = Guid.NewGuid().ToString(), ["action"] = "ping", ["data"] = new JsonObject() }.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/ashby/demo") { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation(AshbyWebhookSignature.HeaderName, AshbyWebhookSignature.Sign(body, secret));
        using var delivered = await stranger.SendAsync(request, Ct);
        using var elsewhere = await neighbour.PostAsync(new Uri("/webhooks/ashby/nobody-else", UriKind.Relative), new StringContent("{}"), Ct);

        answers.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.NotFound, Allowed), HttpStatusCode.TooManyRequests]);
        delivered.StatusCode.ShouldBe(HttpStatusCode.OK, await delivered.Content.ReadAsStringAsync(Ct));
        (await delivered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString().ShouldBe("stored");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.NotFound); // its own allowance
    }

    /// <summary>A client whose connections leave from <paramref name="local"/> (any 127/8 address is the loopback on Linux).</summary>
    private HttpClient ClientFrom(IPAddress local) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = _hub.ClientOptions.BaseAddress };
}
