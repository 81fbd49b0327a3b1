using System.Text;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Connections;

public sealed class ConnectionStoreTests
{
    private const string Key = "ashby-key-8f1c2d9e7b6a";
    private static readonly Uri Ashby = new("https://api.ashbyhq.com/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConnectionStore StoreFor(TestDatabase test) =>
        new(test.Database, SecretProtector.ForDataFolder(test.Location.DataFolder), TimeProvider.System);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_added_connection_is_found_by_name_and_id_and_its_key_reads_back(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var store = StoreFor(test);

        var added = await store.AddAsync("acme", Ashby, Key, Ct);

        (await store.FindAsync("acme", Ct)).ShouldBe(added);
        (await store.FindAsync(added.Id, Ct)).ShouldBe(added);
        (await store.ListAsync(Ct)).ShouldBe([added]);
        (await store.ReadApiKeyAsync(added, Ct)).ShouldBe(Key);
        (await store.FindAsync("other", Ct)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_key_is_stored_encrypted_never_in_plain_text(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        await StoreFor(test).AddAsync("acme", Ashby, Key, Ct);

        await using var connection = await test.Database.ConnectAsync(Ct);
        var stored = await connection.ExecuteScalarAsync<string>("SELECT api_key_protected FROM connections") ?? "";
        stored.ShouldNotContain(Key);
        stored.Length.ShouldBeGreaterThan(Key.Length);
        if (test.Location.SqliteFile is { } file)
        {
            // Every byte of the database and its write-ahead log, as a thief copying the folder would get them.
            var bytes = new List<byte>(await File.ReadAllBytesAsync(file, Ct));
            if (File.Exists(file + "-wal")) bytes.AddRange(await File.ReadAllBytesAsync(file + "-wal", Ct));
            Encoding.Latin1.GetString(bytes.ToArray()).ShouldNotContain(Key);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_connection_of_the_same_name_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var store = StoreFor(test);
        await store.AddAsync("acme", Ashby, Key, Ct);

        await Should.ThrowAsync<ConnectionExistsException>(() => store.AddAsync("acme", Ashby, "another-key", Ct));
        (await store.ReadApiKeyAsync((await store.FindAsync("acme", Ct))!, Ct)).ShouldBe(Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Acme")]
    [InlineData("acme corp")]
    [InlineData("1acme")]
    [InlineData("acme/eu")]
    public async Task Names_that_cannot_appear_in_a_url_or_command_line_are_refused(string name)
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);

        var error = await Should.ThrowAsync<ArgumentException>(() => StoreFor(test).AddAsync(name, Ashby, Key, Ct));
        error.Message.ShouldContain("lower-case letters, digits and dashes");
    }

    [Fact]
    public async Task A_blank_key_or_a_non_http_url_is_refused_with_what_to_do()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var store = StoreFor(test);

        (await Should.ThrowAsync<ArgumentException>(() => store.AddAsync("acme", Ashby, " ", Ct))).Message.ShouldContain("API Keys");
        (await Should.ThrowAsync<ArgumentException>(() => store.AddAsync("acme", new Uri("ftp://x/"), Key, Ct))).Message.ShouldContain("http(s)");
        (await store.ListAsync(Ct)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_key_replaces_the_old_and_drops_the_old_preflight(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var store = StoreFor(test);
        var added = await store.AddAsync("acme", Ashby, Key, Ct);
        await store.SavePreflightAsync(added.Id, SamplePreflight(), Ct);
        (await store.LoadPreflightAsync(added.Id, Ct))!.Streams.ShouldHaveSingleItem().Stream.ShouldBe("candidates");

        var changed = await store.SetApiKeyAsync("acme", "the-new-key", Ct);

        (await store.ReadApiKeyAsync(changed, Ct)).ShouldBe("the-new-key");
        (await store.LoadPreflightAsync(added.Id, Ct)).ShouldBeNull();
        await Should.ThrowAsync<ConnectionNotFoundException>(() => store.SetApiKeyAsync("nobody", "k", Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_schedule_is_an_interval_or_a_valid_cron_never_both(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var store = StoreFor(test);
        await store.AddAsync("acme", Ashby, Key, Ct);

        (await store.SetScheduleAsync("acme", 15, null, Ct)).SyncIntervalMinutes.ShouldBe(15);
        var cron = await store.SetScheduleAsync("acme", null, "0 */10 * * * ?", Ct);
        cron.SyncCron.ShouldBe("0 */10 * * * ?");
        cron.SyncIntervalMinutes.ShouldBeNull();

        await Should.ThrowAsync<ArgumentException>(() => store.SetScheduleAsync("acme", 5, "0 * * * * ?", Ct));
        await Should.ThrowAsync<ArgumentException>(() => store.SetScheduleAsync("acme", 0, null, Ct));
        (await Should.ThrowAsync<ArgumentException>(() => store.SetScheduleAsync("acme", null, "every five minutes", Ct))).Message.ShouldContain("cron");
        (await store.FindAsync("acme", Ct))!.SyncCron.ShouldBe("0 */10 * * * ?");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Removing_a_connection_removes_its_mirror_and_history(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var store = StoreFor(test);
        var gone = await store.AddAsync("acme", Ashby, Key, Ct);
        var kept = await store.AddAsync("globex", Ashby, Key, Ct);
        await using (var connection = await test.Database.ConnectAsync(Ct))
        {
            foreach (var id in new[] { gone.Id, kept.Id })
            {
                await connection.ExecuteAsync(
                    "INSERT INTO mirror_jobs (connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass) VALUES (@id, 'job-1', '{}', 0, 0, 0, 1)", new { id });
                await connection.ExecuteAsync(
                    "INSERT INTO sync_runs (connection_id, trigger, requested_mode, outcome, started_ms) VALUES (@id, 'test', 'full', 'succeeded', 0)", new { id });
            }
        }

        await store.RemoveAsync("acme", Ct);

        (await store.ListAsync(Ct)).ShouldBe([kept]);
        await using var check = await test.Database.ConnectAsync(Ct);
        (await check.QuerySingleAsync<long>("SELECT COUNT(*) FROM mirror_jobs WHERE connection_id = @id", new { id = gone.Id })).ShouldBe(0);
        (await check.QuerySingleAsync<long>("SELECT COUNT(*) FROM sync_runs WHERE connection_id = @id", new { id = gone.Id })).ShouldBe(0);
        (await check.QuerySingleAsync<long>("SELECT COUNT(*) FROM mirror_jobs WHERE connection_id = @id", new { id = kept.Id })).ShouldBe(1);
        await Should.ThrowAsync<ConnectionNotFoundException>(() => store.RemoveAsync("acme", Ct));
    }

    [Fact]
    public async Task A_key_whose_encryption_keys_were_lost_says_to_enter_it_again()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var added = await StoreFor(test).AddAsync("acme", Ashby, Key, Ct);
        Directory.Delete(SecretProtector.KeysFolder(test.Location.DataFolder), recursive: true);

        var store = StoreFor(test); // a new process: the key ring is read from the (now empty) folder
        var error = await Should.ThrowAsync<ConnectionSecretUnreadableException>(() => store.ReadApiKeyAsync(added, Ct));
        error.Message.ShouldContain("Enter it again");
        error.Message.ShouldNotContain(Key);
    }

    [Fact]
    public async Task Another_process_with_the_same_data_folder_reads_the_key()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var added = await StoreFor(test).AddAsync("acme", Ashby, Key, Ct);

        (await StoreFor(test).ReadApiKeyAsync(added, Ct)).ShouldBe(Key);
    }

    private static PreflightReport SamplePreflight() => new(
        DateTimeOffset.UnixEpoch,
        new KeyCheckReport("Key", null, "apiKey.info", [], []),
        [new StreamAccess("candidates", "candidate.list", "candidatesRead", "Candidates", PermissionState.Granted)],
        new Visibility(VisibilityState.Visible, "yes"),
        new Visibility(VisibilityState.Unknown, "no"));
}
