using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.OrgChart;

/// <summary>A hub's connection and open roles put straight into its database (open roles as the importer will keep them; see <see cref="OrgChartSeed"/>).</summary>
internal static class OrgChartHubSeed
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A connection that is never synced (nothing schedules it): the chart only needs its id and name.</summary>
    public static async Task<long> ConnectionAsync(HubFactory hub, string name = "acme") =>
        (await hub.Services.GetRequiredService<ConnectionStore>().AddAsync(name, new Uri("http://127.0.0.1:9/"), "not-a-real-key", Ct)).Id;

    /// <summary>An open role on the demo connection, under one of its Ashby users; returns its posting id.</summary>
    public static async Task<string> DemoRoleAsync(HubFactory hub)
    {
        var store = hub.Services.GetRequiredService<ConnectionStore>();
        var demo = await store.FindAsync("demo", Ct) ?? throw new InvalidOperationException("The hub has no demo connection.");
        var database = hub.Services.GetRequiredService<AshbridgeDatabase>();
        await using var db = await database.ConnectAsync(Ct);
        var manager = await Dapper.SqlMapper.ExecuteScalarAsync<string?>(db, "SELECT MIN(email) FROM mirror_users WHERE connection_id = @id AND email IS NOT NULL", new { id = demo.Id });
        await OrgChartSeed.UpsertOpenRoleAsync(database, demo.Id, "sweep-posting", "Sweep Engineer", "sweep-job", "Engineering", manager, "Sweep Manager", cancellationToken: Ct);
        return "sweep-posting";
    }

    public static Task RoleAsync(HubFactory hub, long connectionId, string postingId, string title, string department, string? hiringManagerEmail) =>
        OrgChartSeed.UpsertOpenRoleAsync(hub.Services.GetRequiredService<AshbridgeDatabase>(), connectionId, postingId, title, "job-" + postingId, department,
            hiringManagerEmail, hiringManagerEmail, cancellationToken: Ct);
}
