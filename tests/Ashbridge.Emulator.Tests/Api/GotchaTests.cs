namespace Ashbridge.Emulator.Tests.Api;

/// <summary>The defaults integrators trip over, reproduced.</summary>
public class GotchaTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static IEnumerable<string> Values(IEnumerable<System.Text.Json.Nodes.JsonObject> rows, string field) => rows.Select(r => r[field]!.ToString());

    [Fact]
    public async Task Job_list_leaves_out_draft_jobs_unless_status_names_Draft()
    {
        var byDefault = (await emulator.ReadAllAsync("job.list")).Rows;
        Values(byDefault, "status").ShouldNotContain("Draft");
        Values(byDefault, "status").ShouldContain("Open");
        var drafts = (await emulator.ReadAllAsync("job.list", "\"status\":[\"Draft\"]")).Rows;
        drafts.ShouldNotBeEmpty();
        Values(drafts, "status").ShouldAllBe(s => s == "Draft");
    }

    [Fact]
    public async Task Application_list_status_is_a_single_string_not_an_array()
    {
        var hired = (await emulator.ReadAllAsync("application.list", "\"status\":\"Hired\"")).Rows;
        Values(hired, "status").ShouldAllBe(s => s == "Hired");
        var array = await emulator.CallAsync("application.list", """{"status":["Hired"]}""");
        array.Success.ShouldBeFalse();
        array.Body["errors"]!.AsArray().Single()!["parameter"]!.GetValue<string>().ShouldBe("status");
        (await emulator.CallAsync("application.list", """{"status":"Pending"}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Job_posting_list_includes_unlisted_postings_unless_listedOnly()
    {
        var all = await emulator.CallAsync("jobPosting.list");
        all.Results.ShouldContain(p => !p!["isListed"]!.GetValue<bool>());
        var listed = await emulator.CallAsync("jobPosting.list", """{"listedOnly":true}""");
        listed.Results.Count.ShouldBeGreaterThan(0);
        listed.Results.ShouldAllBe(p => p!["isListed"]!.GetValue<bool>());
        listed.Results.Count.ShouldBeLessThan(all.Results.Count);
    }

    [Fact]
    public async Task Job_posting_list_filters_by_department_and_location_name_case_sensitively()
    {
        var all = await emulator.CallAsync("jobPosting.list");
        var location = all.Results[0]!["locationName"]!.GetValue<string>();
        var same = await emulator.CallAsync("jobPosting.list", $$"""{"location":"{{location}}"}""");
        same.Results.ShouldAllBe(p => p!["locationName"]!.GetValue<string>() == location);
        same.Results.Count.ShouldBeGreaterThan(0);
        (await emulator.CallAsync("jobPosting.list", $$"""{"location":"{{location.ToUpperInvariant()}}"}""")).Results.ShouldBeEmpty();
    }

    [Fact]
    public async Task User_list_hides_deactivated_users_unless_includeDeactivated()
    {
        var enabled = (await emulator.ReadAllAsync("user.list")).Rows;
        enabled.ShouldAllBe(u => u["isEnabled"]!.GetValue<bool>());
        var all = (await emulator.ReadAllAsync("user.list", "\"includeDeactivated\":true")).Rows;
        all.Count.ShouldBeGreaterThan(enabled.Count);
    }

    [Theory]
    [InlineData("department.list")]
    [InlineData("location.list")]
    [InlineData("customField.list")]
    [InlineData("candidateTag.list")]
    public async Task Archived_rows_are_hidden_unless_includeArchived(string endpoint)
    {
        var live = (await emulator.ReadAllAsync(endpoint)).Rows;
        live.ShouldAllBe(r => !r["isArchived"]!.GetValue<bool>());
        var all = (await emulator.ReadAllAsync(endpoint, "\"includeArchived\":true")).Rows;
        all.ShouldContain(r => r["isArchived"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("source.list")]
    [InlineData("archiveReason.list")]
    public async Task Archived_sources_and_reasons_are_hidden_unless_includeArchived(string endpoint)
    {
        (await emulator.CallAsync(endpoint)).Results.ShouldAllBe(r => !r!["isArchived"]!.GetValue<bool>());
        (await emulator.CallAsync(endpoint, """{"includeArchived":true}""")).Results.ShouldContain(r => r!["isArchived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Location_list_hides_regions_unless_includeLocationHierarchy()
    {
        Values((await emulator.ReadAllAsync("location.list")).Rows, "type").ShouldAllBe(t => t == "Location");
        Values((await emulator.ReadAllAsync("location.list", "\"includeLocationHierarchy\":true")).Rows, "type").ShouldContain("LocationHierarchy");
    }

    [Fact]
    public async Task CreatedAfter_is_in_milliseconds_and_filters_on_added_at()
    {
        var all = (await emulator.ReadAllAsync("candidate.list")).Rows;
        var middle = DateTimeOffset.Parse(all[all.Count / 2]["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var after = (await emulator.ReadAllAsync("candidate.list", $"\"createdAfter\":{middle}")).Rows;
        after.Count.ShouldBeInRange(all.Count / 2 - 2, all.Count / 2);
        var seconds = (await emulator.ReadAllAsync("candidate.list", $"\"createdAfter\":{middle / 1000}")).Rows;
        seconds.Count.ShouldBe(all.Count);
    }

    [Fact]
    public async Task CreatedAfter_later_than_createdBefore_or_in_the_future_is_invalid_input()
    {
        var now = EmulatorFixture.Start.ToUnixTimeMilliseconds();
        (await emulator.CallAsync("candidate.list", $$"""{"createdAfter":{{now - 1000}},"createdBefore":{{now - 5000}}}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("application.list", $$"""{"createdAfter":{{now + 86_400_000}}}""")).ErrorCode.ShouldBe("invalid_input");
    }
}
