using Ashbridge.Core.OrgChart;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.OrgChart;

/// <summary>The people import on both databases: all or nothing, a line per row, the dry run the same as the real one, later imports updating by e-mail.</summary>
public sealed class PeopleCsvImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_good_file_creates_people_with_their_managers_and_a_later_import_updates_them_by_email(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        const string csv = """
            Name,EMAIL,Title,Department,Manager Email
            Mira Ceo,mira@x.com,CEO,Leadership,
            Dan Dev,DAN@x.com,Engineer,Engineering,mira@x.com
            """;
        var dry = await chart.ImportAsync(csv, dryRun: true);
        (dry.Imported, dry.Created, dry.HasErrors).ShouldBe((false, 2, false));
        (await chart.People.ListAsync(Ct)).ShouldBeEmpty(); // the dry run wrote nothing

        var real = await chart.ImportAsync(csv);
        real.Rows.ShouldBe(dry.Rows); // the dry run said exactly what the import did
        (real.Imported, real.Created).ShouldBe((true, 2));
        var mira = await chart.PersonAsync("mira@x.com");
        var dan = await chart.PersonAsync("dan@x.com");
        (dan.Name, dan.Title, dan.Department, dan.ManagerId, dan.IsImported).ShouldBe(("Dan Dev", "Engineer", "Engineering", mira.Id, true));

        // Again, with Dan promoted: updated by e-mail, Mira unchanged, a role placed under Dan kept.
        await chart.RoleAsync("post-1", "Engineer II", "job-1", hiringManagerEmail: "mira@x.com");
        await chart.Placements.PlaceAsync(chart.ConnectionId, "post-1", dan.Id, "admin@example.com", Ct);
        var again = await chart.ImportAsync("name,email,title,department,manager_email\nMira Ceo,mira@x.com,CEO,Leadership,\nDan Dev,dan@x.com,Lead Engineer,Engineering,mira@x.com\n");
        again.Rows.Select(r => r.Outcome).ShouldBe([PeopleImportRow.Unchanged, PeopleImportRow.Update]);
        (await chart.PersonAsync("dan@x.com")).Title.ShouldBe("Lead Engineer");
        (await chart.PersonAsync("dan@x.com")).Id.ShouldBe(dan.Id);
        (await chart.NodeAsync("Engineer II")).ParentId.ShouldBe($"p-{dan.Id}");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_bad_row_is_reported_with_its_number_and_nothing_is_half_imported(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        (await chart.ImportAsync("name,email,manager_email\nKeep,keep@x.com,\n")).Imported.ShouldBeTrue();
        const string csv = """
            name,email,title,department,manager_email
            Good One,good@x.com,Engineer,Eng,keep@x.com
            ,noname@x.com,,,
            No Email,,,,
            Bad Mail,not-an-email,,,
            Dup First,dup@x.com,,,
            Dup Second,DUP@x.com,,,
            Orphan,orphan@x.com,,,ghost@x.com
            Loop A,a@x.com,,,b@x.com
            Loop B,b@x.com,,,a@x.com
            Formula,formula@x.com,=SUM(A1:A9),,
            Plus,plus@x.com,,+44 cmd,
            Self,self@x.com,,,self@x.com
            """;
        var report = await chart.ImportAsync(csv);
        report.Imported.ShouldBeFalse();
        var errors = report.Errors.ToDictionary(r => r.Row);
        errors.Keys.Order().ShouldBe([3, 4, 5, 7, 8, 9, 10, 11, 12, 13]);
        errors[3].Reason.ShouldBe("name is missing");
        (errors[4].Email, errors[4].Reason).ShouldBe((null, "email is missing"));
        errors[5].Reason.ShouldBe("'not-an-email' is not an e-mail address");
        errors[7].Reason.ShouldBe("DUP@x.com is already on row 6");
        errors[8].Reason.ShouldBe("manager ghost@x.com is neither in the file nor in the chart");
        errors[9].Reason.ShouldBe("the managers make a loop: a@x.com → b@x.com → a@x.com");
        errors[10].Reason.ShouldBe("the managers make a loop: b@x.com → a@x.com → b@x.com");
        errors[11].Reason!.ShouldStartWith("the title cell starts with '='");
        errors[12].Reason!.ShouldStartWith("the department cell starts with '+'");
        errors[13].Reason.ShouldBe("the managers make a loop: self@x.com → self@x.com");
        report.Rows.Single(r => r.Row == 2).Outcome.ShouldBe(PeopleImportRow.Create); // the good row is still told what it would do
        report.Summary.ShouldContain("nothing was imported");

        // Nothing written: not even the good row.
        (await chart.People.ListAsync(Ct)).Select(p => p.Email).ShouldBe(["keep@x.com"]);
        (await chart.ImportAsync(csv, dryRun: true)).Rows.ShouldBe(report.Rows); // the dry run reports the same
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_that_cannot_be_read_says_why_on_row_one(DatabaseProvider provider)
    {
        await using var chart = await OrgChartHarness.StartAsync(provider);
        (await chart.ImportAsync("")).Errors.ShouldHaveSingleItem().Reason!.ShouldContain("The file is empty");
        (await chart.ImportAsync("full name,mail\nA,a@x.com\n")).Errors.ShouldHaveSingleItem().Reason!.ShouldContain("no name or email column");
        (await chart.ImportAsync("name,email\n")).Errors.ShouldHaveSingleItem().Reason!.ShouldContain("no people");
        var broken = (await chart.ImportAsync("name,email\n\"Unclosed,a@x.com\n")).Errors.ShouldHaveSingleItem();
        broken.Reason!.ShouldContain("not valid CSV");
        await using var db = await chart.Database.ConnectAsync(Ct);
        (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM org_people")).ShouldBe(0);
    }
}
