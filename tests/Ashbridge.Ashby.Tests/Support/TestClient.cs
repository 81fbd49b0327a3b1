namespace Ashbridge.Ashby.Tests.Support;

public static class TestClient
{
    public const string ApiKey = "ashby_test_key_7Hq9Zx2LmN4pQ8rT";

    public static AshbyClient Create(ScriptedAshbyServer server, Action<AshbyClientOptions>? configure = null)
    {
        var options = new AshbyClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = server.BaseUrl,
            MaxRetries = 0,
            AttemptTimeout = Timeout.InfiniteTimeSpan,
        };
        configure?.Invoke(options);
        return new AshbyClient(options);
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
