using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Ashbridge.Server.Hosting;
using Ashbridge.Testing;
using Microsoft.Data.Sqlite;

namespace Ashbridge.Server.Tests.Hosting;

/// <summary><c>/healthz</c>: the overall status for anyone, each check's detail for admins, a locked database and a full disk reported.</summary>
public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_callers_get_the_overall_status_and_nothing_else()
    {
        await using var hub = new HubFactory();
        hub.StartServer();
        using var stranger = hub.CreateAnonymousClient();

        using var response = await stranger.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldBe("""{"status":"healthy"}""");
        body.ShouldNotContain(hub.DataFolder);
    }

    [Fact]
    public async Task Admins_get_each_check_with_what_it_found()
    {
        await using var hub = new HubFactory();
        hub.StartServer();
        using var admin = hub.CreateClient();

        var health = await GetAsync(admin);

        health.Status.ShouldBe(HttpStatusCode.OK);
        health.Body.GetProperty("status").GetString().ShouldBe("healthy");
        var checks = health.Body.GetProperty("checks");
        checks.GetProperty("database").GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(Path.Combine(hub.DataFolder, "ashbridge.db"));
        checks.GetProperty("disk").GetProperty("status").GetString().ShouldBe("healthy");
        checks.GetProperty("disk").GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("MB free on the volume of " + hub.DataFolder);
        checks.GetProperty("scheduler").GetProperty("detail").GetString().ShouldBe("running");
    }

    [Fact]
    public async Task A_database_another_connection_keeps_write_locked_is_reported_locked_within_seconds_and_healthy_once_released()
    {
        await using var hub = new HubFactory();
        hub.StartServer();
        using var admin = await hub.CreateSignedInClientAsync(); // health details are for admins; a lock on writes does not stop its reads
        await Eventually.ValueAsync(() => GetAsync(admin), h => h.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the hub to be healthy first");

        // Another process's connection (a tool, a stuck job) takes the write lock and keeps it.
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(hub.DataFolder, "ashbridge.db")};Pooling=False;Default Timeout=60");
        await holder.OpenAsync(Ct);
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;"; // waits out a write of the hub's, up to the Default Timeout
            await begin.ExecuteNonQueryAsync(Ct);
        }

        var clock = Stopwatch.StartNew();
        var locked = await GetAsync(admin);
        clock.Stop();

        locked.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, locked.Body.ToString());
        var database = locked.Body.GetProperty("checks").GetProperty("database");
        database.GetProperty("status").GetString().ShouldBe("unhealthy");
        database.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("is locked");
        // The check waits 2 s for the lock; the hub's writers wait 30 s, which is what it used to hang for (if it saw the lock at all).
        clock.Elapsed.ShouldBeLessThan(Ashbridge.Core.Storage.DatabaseHealth.LockWait + TimeSpan.FromSeconds(8));

        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        // The hub's own writers, held back meanwhile, may take the lock first.
        await Eventually.ValueAsync(() => GetAsync(admin), h => h.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "health once the lock is released");
    }

    [Fact]
    public async Task Less_free_space_than_the_configured_minimum_is_unhealthy_and_says_so()
    {
        // 2 PB: more than any test machine's free space, so the real volume's free space is below the minimum.
        await using var hub = new HubFactory(new() { ["Ashbridge:Health:MinFreeMegabytes"] = "2000000000" });
        hub.StartServer();
        using var stranger = hub.CreateAnonymousClient();
        using var admin = hub.CreateClient();

        using (var anonymous = await stranger.GetAsync(new Uri("/healthz", UriKind.Relative), Ct))
        {
            anonymous.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await anonymous.Content.ReadAsStringAsync(Ct)).ShouldBe("""{"status":"unhealthy","failing":["disk"]}"""); // which check, never its detail
        }

        var health = await GetAsync(admin);
        var disk = health.Body.GetProperty("checks").GetProperty("disk");
        disk.GetProperty("status").GetString().ShouldBe("unhealthy");
        disk.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("below the minimum of 2000000000 MB (Ashbridge:Health:MinFreeMegabytes)");
        health.Body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("healthy");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(Ct)));
    }
}
