using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Members;
using Ashbridge.Core.Outbound;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Members;

/// <summary>The people directory on both databases: a search over every shown column, sorting and paging, and a member's edits, offboarding and reinstating.</summary>
public sealed class MemberDirectoryTests
{
    private const string Admin = "admin@example.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_search_finds_members_by_every_shown_column_ignoring_case_and_taking_wildcards_literally(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var ada = await AddAsync(test, "Ada", "Lovelace", "ada@example.com", "+44 7700 900123", "2027-03-01", "Analyst", "Research", "London");
        var grace = await AddAsync(test, "Grace", "Hopper", "grace_h@example.org", null, "2026-11-15", "Admiral", "Navy", "Arlington");
        await AddAsync(test, "Alan", "Turing", "alan@example.net", "0161 496 0000", null, "Mathematician 100%", null, "Manchester");
        var directory = new MemberDirectory(test.Database);

        async Task<IEnumerable<string>> Found(string search) => (await directory.FindAsync(new MemberQuery(search), Ct)).Members.Select(m => m.LastName);

        (await Found("ada lovelace")).ShouldBe(["Lovelace"]);       // the whole name
        (await Found("EXAMPLE.ORG")).ShouldBe(["Hopper"]);          // personal email, any case
        (await Found("admiral")).ShouldBe(["Hopper"]);              // job title
        (await Found("research")).ShouldBe(["Lovelace"]);           // department
        (await Found("manchester")).ShouldBe(["Turing"]);           // place of work
        (await Found("2026-11")).ShouldBe(["Hopper"]);              // start date
        (await Found("7700 900")).ShouldBe(["Lovelace"]);           // phone as stored
        (await Found("+447700900123")).ShouldBe(["Lovelace"]);      // phone typed without its spaces
        (await Found("100%")).ShouldBe(["Turing"]);                 // % is a character, not a wildcard
        (await Found("e_h")).ShouldBe(["Hopper"]);                  // so is _
        (await Found("nobody")).ShouldBeEmpty();
        (await Found("a_a")).ShouldBeEmpty();                      // _ matches no other character
        (await directory.ListAsync("arlington", cancellationToken: Ct)).ShouldHaveSingleItem().Id.ShouldBe(grace.Id);
        (await directory.FindAsync(new MemberQuery("ada", ConnectionIds: [42]), Ct)).Total.ShouldBe(0); // another connection's token sees none
        ada.Id.ShouldBeGreaterThan(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Members_sort_by_a_column_with_empty_values_last_and_page_without_overlap(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        await AddAsync(test, "Ada", "Lovelace", "ada@example.com", null, null, "Analyst", "research", null);
        await AddAsync(test, "Grace", "Hopper", "grace@example.com", null, null, "Admiral", "Navy", null);
        await AddAsync(test, "Alan", "Turing", "alan@example.com", null, null, "Mathematician", null, null);
        var directory = new MemberDirectory(test.Database);

        (await directory.FindAsync(new MemberQuery(Sort: MemberSort.Department), Ct)).Members.Select(m => m.LastName).ShouldBe(["Hopper", "Lovelace", "Turing"]);
        (await directory.FindAsync(new MemberQuery(Sort: MemberSort.Department, Descending: true), Ct)).Members.Select(m => m.LastName).ShouldBe(["Lovelace", "Hopper", "Turing"]);
        (await directory.FindAsync(new MemberQuery(Sort: MemberSort.JobTitle), Ct)).Members.Select(m => m.LastName).ShouldBe(["Hopper", "Lovelace", "Turing"]);

        var first = await directory.FindAsync(new MemberQuery(PageSize: 2), Ct);
        var second = await directory.FindAsync(new MemberQuery(PageSize: 2, Page: 2), Ct);
        (first.Total, first.Pages, second.Page).ShouldBe((3, 2, 2));
        first.Members.Select(m => m.LastName).Concat(second.Members.Select(m => m.LastName)).ShouldBe(["Hopper", "Lovelace", "Turing"]);
        (await directory.FindAsync(new MemberQuery(PageSize: 2, Page: 99), Ct)).Page.ShouldBe(2); // past the end: the last page
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edits_offboarding_and_reinstating_are_checked_audited_and_announced_and_never_sent_members_can_be_sent(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var outbound = new OutboundDeliveries(test.Database, SecretProtector.ForDataFolder(test.Folder, OutboundDeliveries.SecretPurpose), TimeProvider.System);
        var lifecycle = new MemberLifecycle(test.Database, outbound, TimeProvider.System);
        var directory = new MemberDirectory(test.Database);
        var audit = new AuditLog(test.Database, TimeProvider.System);
        var ada = await AddAsync(test, "Ada", "Lovelace", "ada@example.com", null, null, "Analyst", null, null);
        var alan = await AddAsync(test, "Alan", "Turing", "alan@example.com", null, null, "Mathematician", null, null);

        // Refused: each problem beside its field, nothing saved.
        var refused = await Should.ThrowAsync<MemberInvalidException>(() => lifecycle.UpdateAsync(ada.Id, new MemberChange(PersonalEmail: "ada", StartDate: "soon", JobTitle: " "), Admin, cancellationToken: Ct));
        refused.Problems.Keys.Order(StringComparer.Ordinal).ShouldBe(["job_title", "personal_email", "start_date"]);
        refused.Problems["start_date"].ShouldContain("'soon' is not a date");
        (await directory.GetAsync(ada.Id, Ct))!.JobTitle.ShouldBe("Analyst");

        // Before an endpoint: saved and audited, nothing queued.
        var edited = await lifecycle.UpdateAsync(ada.Id, new MemberChange(JobTitle: "Lead Analyst", Department: "Research", StartDate: "2027-01-04"), Admin, cancellationToken: Ct);
        edited.ShouldNotBeNull().JobTitle.ShouldBe("Lead Analyst");
        var read = (await directory.GetAsync(ada.Id, Ct))!;
        (read.Department, read.StartDate, read.UpdatedBy).ShouldBe(("Research", "2027-01-04", Admin));
        (await lifecycle.UpdateAsync(ada.Id, new MemberChange(Department: ""), Admin, cancellationToken: Ct))!.Department.ShouldBeNull(); // empty clears
        (await audit.ListAsync(10, Ct)).ShouldContain(e => e.Action == "member.update" && e.Target == $"member {ada.Id}" && e.Detail!.Contains("job title"));
        (await outbound.ListAsync(cancellationToken: Ct)).ShouldBeEmpty();
        (await lifecycle.UpdateAsync(999, new MemberChange(JobTitle: "x"), Admin, cancellationToken: Ct)).ShouldBeNull();
        (await lifecycle.UpdateAsync(ada.Id, new MemberChange(JobTitle: "x"), Admin, [42], Ct)).ShouldBeNull(); // not visible to a limited token

        // Both members predate the endpoint: they can be sent in one go, once.
        (await outbound.SetEndpointAsync("http://127.0.0.1:9/hook", enabled: true, cancellationToken: Ct)).ShouldNotBeNull();
        (await outbound.CountsAsync(Ct)).Undelivered.ShouldBe(2);
        (await outbound.SendUndeliveredAsync(Admin, Ct)).ShouldBe(2);
        (await outbound.SendUndeliveredAsync(Admin, Ct)).ShouldBe(0);
        (await outbound.CountsAsync(Ct)).ShouldBe(new OutboundCounts(2, 0, 0, 0));

        // Offboarding: a last day is required; then the member is offboarded, audited and announced.
        (await Should.ThrowAsync<MemberInvalidException>(() => lifecycle.OffboardAsync(alan.Id, "someday", Admin, cancellationToken: Ct))).Problems.Keys.ShouldBe(["offboard_date"]);
        var gone = await lifecycle.OffboardAsync(alan.Id, "2027-02-28", Admin, cancellationToken: Ct);
        (gone!.Offboarded, gone.OffboardDate, gone.OffboardedBy).ShouldBe((true, "2027-02-28", Admin));
        await Should.ThrowAsync<MemberInvalidException>(() => lifecycle.OffboardAsync(alan.Id, "2027-02-28", Admin, cancellationToken: Ct));
        (await directory.FindAsync(new MemberQuery(Status: MemberStatus.Active), Ct)).Members.Select(m => m.Id).ShouldBe([ada.Id]);
        (await directory.FindAsync(new MemberQuery(Status: MemberStatus.Offboarded), Ct)).Members.Select(m => m.Id).ShouldBe([alan.Id]);
        var alanDeliveries = await outbound.ForMemberAsync(alan.Id, cancellationToken: Ct);
        alanDeliveries.Select(d => d.EventType).ShouldBe(["member.offboarded", "member.added"]);
        alanDeliveries[0].MemberName.ShouldBe("Alan Turing");

        (await lifecycle.ReinstateAsync(alan.Id, Admin, cancellationToken: Ct))!.Offboarded.ShouldBeFalse();
        await Should.ThrowAsync<MemberInvalidException>(() => lifecycle.ReinstateAsync(alan.Id, Admin, cancellationToken: Ct));
        (await directory.GetAsync(alan.Id, Ct))!.OffboardDate.ShouldBeNull();
        (await outbound.ForMemberAsync(alan.Id, cancellationToken: Ct))[0].EventType.ShouldBe("member.reinstated");
        (await audit.ListAsync(20, Ct)).Select(e => e.Action).ShouldContain("member.offboard");
        (await audit.ListAsync(20, Ct)).Select(e => e.Action).ShouldContain("member.reinstate");
        (await outbound.LogAsync(OutboundDeliveryState.Pending, 1, 2, Ct)).ShouldSatisfyAllConditions(p => p.Total.ShouldBe(4), p => p.Deliveries.Count.ShouldBe(2), p => p.Pages.ShouldBe(2));
        (await outbound.LogAsync(OutboundDeliveryState.Failed, cancellationToken: Ct)).Total.ShouldBe(0);
    }

    private static async Task<Member> AddAsync(
        TestDatabase test, string first, string last, string email, string? phone, string? start, string title, string? department, string? place)
    {
        await using var db = await test.Database.ConnectAsync(Ct);
        await using var transaction = await db.BeginTransactionAsync(Ct);
        var member = await MemberDirectory.InsertAsync(db, transaction, new Member(
            0, null, null, null, first, last, email, phone, start, title, department, place, 90000m, "GBP", "year",
            new Dictionary<string, string>(StringComparer.Ordinal), TimeProvider.System.NowAsStored(), Admin), Ct);
        await transaction.CommitAsync(Ct);
        return member;
    }
}
