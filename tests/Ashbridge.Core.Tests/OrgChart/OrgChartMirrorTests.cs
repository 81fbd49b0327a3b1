using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.OrgChart;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Tests.Webhooks;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.OrgChart;

/// <summary>The chart following a real mirror on both databases: the emulator's Ashby users become people after a pass, and a user deactivated in Ashby leaves the chart after the next.</summary>
public sealed class OrgChartMirrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ashby_users_become_people_after_a_pass_and_a_deactivated_user_is_removed(DatabaseProvider provider)
    {
        OrgChartPeople? people = null;
        await using var harness = await WebhookHarness.StartAsync(provider, (database, _) =>
        {
            people = new OrgChartPeople(database, new OpenRoleCatalog(database), TimeProvider.System);
            return Task.FromResult<IReadOnlyList<IMirrorObserver>>([new OrgChartObserver(people)]);
        });
        using var owned = people!;

        // Written by the observer during the first pass, before anything reads the chart.
        var enabled = await harness.ScalarAsync<long>(
            "SELECT COUNT(DISTINCT LOWER(email)) FROM mirror_users WHERE email IS NOT NULL AND is_enabled = @yes AND deleted_ms IS NULL", new { yes = true });
        enabled.ShouldBeGreaterThan(0);
        (await harness.ScalarAsync<long>("SELECT COUNT(*) FROM org_people WHERE user_state = 'enabled'")).ShouldBe(enabled);

        var parts = (await harness.IdsAsync("SELECT id || ' ' || email FROM mirror_users WHERE is_enabled = TRUE AND email IS NOT NULL ORDER BY id"))[0].Split(' ');
        var (id, email) = (parts[0], parts[1]);
        await harness.ControlAsync($"users/{id}/deactivate");
        await harness.SyncAsync(SyncMode.Incremental);
        var person = (await people!.FindByEmailAsync(email, Ct))!;
        person.IsRemoved.ShouldBeTrue();
        person.IsAshbyUser.ShouldBeTrue();
    }
}
