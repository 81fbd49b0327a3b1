using System.Text;

namespace Ashbridge.Ashby.Tests.Transport;

public class ResponseBodyTests
{
    /// <summary>About 3 MB of results, so a body crosses many of the 64 KB pieces a body of unknown length is read in.</summary>
    private static string LargeResults() =>
        "[" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $$"""{"id":"row-{{i}}","note":"{{new string((char)('a' + (i % 26)), 100 + (i % 57))}}"}""")) + "]";

    [Fact]
    public async Task A_large_chunked_body_arrives_byte_for_byte()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        var response = Ok(LargeResults());
        server.Enqueue(response);
        using var client = TestClient.Create(server);

        var body = await client.SendRawBytesAsync("jobPosting.list", "{}"u8.ToArray(), cancellationToken: TestClient.Ct);

        body.ToArray().ShouldBe(Encoding.UTF8.GetBytes(response.Body!));
    }

    [Fact]
    public async Task A_body_of_announced_length_arrives_byte_for_byte()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        var response = Ok(LargeResults());
        var bytes = Encoding.UTF8.GetBytes(response.Body!);
        server.Enqueue(response.WithHeader("Content-Length", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var client = TestClient.Create(server);

        var body = await client.SendRawBytesAsync("jobPosting.list", "{}"u8.ToArray(), cancellationToken: TestClient.Ct);

        body.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task An_empty_body_is_an_unreadable_answer_not_a_crash()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(200, string.Empty));
        using var client = TestClient.Create(server);

        var error = await Should.ThrowAsync<AshbyApiException>(() => client.SendRawBytesAsync("jobPosting.list", "{}"u8.ToArray(), cancellationToken: TestClient.Ct));

        error.Message.ShouldContain("jobPosting.list");
    }
}
