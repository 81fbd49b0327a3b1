using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Connections;

public sealed class AshbyClientPoolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connections_sharing_a_key_share_one_client_and_a_new_key_gets_its_own()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var store = new ConnectionStore(test.Database, SecretProtector.ForDataFolder(test.Location.DataFolder), TimeProvider.System);
        using var pool = new AshbyClientPool(store);
        var url = new Uri("http://127.0.0.1:9/");
        var acme = await store.AddAsync("acme", url, "key-one", Ct);
        var acmeEu = await store.AddAsync("acme-eu", url, "key-one", Ct);
        var globex = await store.AddAsync("globex", url, "key-two", Ct);

        var first = await pool.GetClientAsync(acme, Ct);

        (await pool.GetClientAsync(acme, Ct)).ShouldBeSameAs(first);
        (await pool.GetClientAsync(acmeEu, Ct)).ShouldBeSameAs(first); // one request budget for one Ashby key
        (await pool.GetClientAsync(globex, Ct)).ShouldNotBeSameAs(first);
        first.Options.RequestLimiter.ShouldNotBeNull();

        await store.SetApiKeyAsync("acme", "key-three", Ct);
        (await pool.GetClientAsync(acme, Ct)).ShouldNotBeSameAs(first);
    }
}
