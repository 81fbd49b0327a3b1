using Ashbridge.Core.Connections;
using Ashbridge.Core.Members;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.OrgChart;
using Ashbridge.Core.Outbound;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.OrgChart;

/// <summary>The chart's people on both databases: one per e-mail from members and Ashby users, loops refused, removed managers flagged.</summary>
public sealed class OrgChartPeopleTests
{
    private const string Admin = "admin@example.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Members_and_Ashby_users_become_one_person_per_email_and_follow_their_sources(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        await chart.UserAsync("u1", "Grace@Example.com", "Grace", "Hopper");
        await chart.UserAsync("u2", "alan@example.com", "Alan", "Turing");
        await chart.MemberAsync("Grace", "Hopper", "grace@example.com", "Rear Admiral", "Navy"); // the same person as user u1
        await chart.MemberAsync("Ada", "Lovelace", "ada@example.com", "Analyst", "Research");

        var people = await chart.People.ListAsync(Ct);
        people.Select(p => p.Email).ShouldBe(["ada@example.com", "alan@example.com", "grace@example.com"]);
        var grace = people.Single(p => p.Email == "grace@example.com");
        (grace.Name, grace.Title, grace.Department, grace.IsMember, grace.IsAshbyUser, grace.IsRemoved).ShouldBe(("Grace Hopper", "Rear Admiral", "Navy", true, true, false));
        var alan = people.Single(p => p.Email == "alan@example.com");
        (alan.IsMember, alan.IsAshbyUser, alan.Title).ShouldBe((false, true, null));

        // Deactivated in Ashby: removed (but an active member who is also a deactivated user stays).
        await chart.UserAsync("u2", "alan@example.com", "Alan", "Turing", enabled: false);
        await chart.UserAsync("u1", "grace@example.com", "Grace", "Hopper", enabled: false);
        (await chart.PersonAsync("alan@example.com")).RemovedReason.ShouldBe("deactivated in Ashby");
        (await chart.PersonAsync("grace@example.com")).IsRemoved.ShouldBeFalse();

        // Offboarded: removed; reinstated: back.
        var lifecycle = new MemberLifecycle(chart.Database, new OutboundDeliveries(chart.Database, SecretProtector.ForDataFolder(chart.Test.Folder, OutboundDeliveries.SecretPurpose), TimeProvider.System), TimeProvider.System);
        var adaId = (await new MemberDirectory(chart.Database).ListAsync("ada", cancellationToken: Ct)).Single().Id;
        await lifecycle.OffboardAsync(adaId, "2026-12-31", Admin, cancellationToken: Ct);
        (await chart.PersonAsync("ada@example.com")).RemovedReason.ShouldBe("offboarded");
        await lifecycle.ReinstateAsync(adaId, Admin, cancellationToken: Ct);
        (await chart.PersonAsync("ADA@example.com")).IsRemoved.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_observer_refreshes_people_after_a_pass_that_changed_users(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        var observer = new OrgChartObserver(chart.People);
        await chart.UserAsync("u1", "lin@example.com", "Lin", "Chen");
        await observer.MirrorChangedAsync(chart.ConnectionId, [MirrorStreams.Users.Name], Ct);
        await using (var db = await chart.Database.ConnectAsync(Ct))
        {
            // Written by the observer itself, not by a lazy read.
            (await Dapper.SqlMapper.ExecuteScalarAsync<long>(db, "SELECT COUNT(*) FROM org_people WHERE email = 'lin@example.com'")).ShouldBe(1);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_change_that_makes_a_loop_is_refused_naming_the_loop(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        (await chart.ImportAsync("name,email,manager_email\nCeo,ceo@x.com,\nVp,vp@x.com,ceo@x.com\nLead,lead@x.com,vp@x.com\n")).HasErrors.ShouldBeFalse();
        var ceo = await chart.PersonAsync("ceo@x.com");
        var lead = await chart.PersonAsync("lead@x.com");

        var loop = await Should.ThrowAsync<OrgChartCycleException>(() => chart.People.SetManagerAsync(ceo.Id, lead.Id, Admin, Ct));
        loop.Message.ShouldContain("ceo@x.com → lead@x.com → vp@x.com → ceo@x.com");
        await Should.ThrowAsync<OrgChartCycleException>(() => chart.People.SetManagerAsync(ceo.Id, ceo.Id, Admin, Ct));
        (await chart.PersonAsync("ceo@x.com")).ManagerId.ShouldBeNull(); // nothing changed

        var moved = await chart.People.SetManagerAsync(lead.Id, ceo.Id, Admin, Ct);
        moved.ManagerId.ShouldBe(ceo.Id);
        (await chart.People.SetManagerAsync(lead.Id, null, Admin, Ct)).ManagerId.ShouldBeNull();
        await Should.ThrowAsync<OrgChartNotFoundException>(() => chart.People.SetManagerAsync(lead.Id, 999_999, Admin, Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_removed_manager_keeps_their_reports_and_roles_flagged_not_lost_or_moved(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        await chart.UserAsync("u-vp", "vp@x.com", "Val", "Price");
        (await chart.ImportAsync("name,email,manager_email\nCeo,ceo@x.com,\nDev,dev@x.com,vp@x.com\n")).HasErrors.ShouldBeFalse();
        await chart.RoleAsync("post-1", "Platform Engineer", "job-1", "Engineering", hiringManagerEmail: "vp@x.com");
        await chart.RoleAsync("post-2", "Designer", "job-2", "Design", hiringManagerEmail: "ceo@x.com");
        var vp = await chart.PersonAsync("vp@x.com");

        (await chart.NodeAsync("dev@x.com")).Flags.ShouldBeEmpty();
        await chart.UserAsync("u-vp", "vp@x.com", "Val", "Price", enabled: false); // deactivated in Ashby

        var nodes = (await chart.Builder.BuildAsync(cancellationToken: Ct)).Nodes;
        var vpNode = nodes.Single(n => n.Email == "vp@x.com");
        vpNode.Flags.ShouldBe(["removed"]);
        vpNode.RemovedReason.ShouldBe("deactivated in Ashby");
        var dev = nodes.Single(n => n.Email == "dev@x.com");
        (dev.ParentId, string.Join(' ', dev.Flags)).ShouldBe(($"p-{vp.Id}", "manager-removed"));
        var role = nodes.Single(n => n.Name == "Platform Engineer");
        (role.ParentId, string.Join(' ', role.Flags)).ShouldBe(($"p-{vp.Id}", "manager-removed"));
        nodes.Single(n => n.Name == "Designer").Flags.ShouldBeEmpty();

        // Deleted from the chart: the same.
        var ceo = await chart.PersonAsync("ceo@x.com");
        await chart.People.DeleteAsync(ceo.Id, Admin, Ct);
        (await chart.NodeAsync("Designer")).Flags.ShouldBe(["manager-removed"]);
        (await chart.NodeAsync("ceo@x.com")).RemovedReason.ShouldBe("deleted from the chart");
    }
}
