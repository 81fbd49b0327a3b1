namespace Ashbridge.Ashby.Tests.Errors;

public class SecretRedactionTests
{
    public static TheoryData<string> Failures => new()
    {
        "401", "403", "permission", "html502", "echo", "dropped", "invalid_input",
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task The_api_key_never_appears_in_exception_messages_or_ToString(string failure)
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(failure switch
        {
            "401" => Raw(401, "missing key", "text/plain"),
            "403" => Raw(403, """{"success":false,"errors":["bad key"]}"""),
            "permission" => Error("missing_endpoint_permission", status: 403),
            "html502" => Raw(502, "<html>502</html>", "text/html"),
            "echo" => Error("invalid_input", $"Key {TestClient.ApiKey} is not valid for this org"),
            "dropped" => Abort(),
            _ => Raw(200, $$"""{"success":false,"errors":[{"message":"bad {{TestClient.ApiKey}}","parameter":"x"}]}"""),
        });
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyApiException>(() => client.Candidates.ListAsync(cancellationToken: TestClient.Ct));

        ex.ToString().ShouldNotContain(TestClient.ApiKey);
        ex.Message.ShouldNotContain(TestClient.ApiKey);
        (ex.ServerMessage ?? string.Empty).ShouldNotContain(TestClient.ApiKey);
        ex.Errors.ShouldAllBe(e => !e.Message.Contains(TestClient.ApiKey, StringComparison.Ordinal));
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TestClient.ApiKey + ":"));
        ex.ToString().ShouldNotContain(basic);
    }

    [Fact]
    public void Options_validation_messages_do_not_contain_the_key()
    {
        var ex = Should.Throw<ArgumentException>(() => new AshbyClient(new AshbyClientOptions { ApiKey = TestClient.ApiKey, BaseUrl = new Uri("/relative", UriKind.Relative) }));
        ex.ToString().ShouldNotContain(TestClient.ApiKey);
    }
}
