using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Storage;

public sealed class StorageTypeHandlersTests
{
    private static readonly DateTimeOffset Instant = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_123_456);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_instant_is_stored_as_unix_milliseconds_and_read_back(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider, ct);
        await using var connection = await test.Database.ConnectAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('acme', 'https://api.ashbyhq.com', 'x', @created, @updated)",
            new { created = Instant, updated = (DateTimeOffset?)Instant.AddSeconds(1) }, cancellationToken: ct));

        (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT created_ms FROM connections", cancellationToken: ct))).ShouldBe(Instant.ToUnixTimeMilliseconds());
        var row = await connection.QuerySingleAsync<InstantRow>(new CommandDefinition("SELECT created_ms AS Created, updated_ms AS Updated, NULL AS Missing FROM connections", cancellationToken: ct));
        row.Created.ShouldBe(Instant);
        row.Updated.ShouldBe(Instant.AddSeconds(1));
        row.Missing.ShouldBeNull();
        (await connection.QuerySingleAsync<DateTimeOffset>(new CommandDefinition("SELECT created_ms FROM connections", cancellationToken: ct))).ShouldBe(Instant);
    }

    [Fact]
    public void Stored_enum_text_round_trips_every_value()
    {
        foreach (var value in Enum.GetValues<StreamOutcome>()) StoredText.Parse<StreamOutcome>(StoredText.Of(value)).ShouldBe(value);
        StoredText.Of(StreamOutcome.NotRun).ShouldBe("not_run");
        StoredText.Parse<StreamOutcome>("NotRun").ShouldBe(StreamOutcome.NotRun);
        Should.Throw<FormatException>(() => StoredText.Parse<StreamOutcome>("sideways"));
    }

    private sealed class InstantRow
    {
        public DateTimeOffset Created { get; set; }
        public DateTimeOffset? Updated { get; set; }
        public DateTimeOffset? Missing { get; set; }
    }
}
