namespace Ashbridge.Emulator.Tests.Sync;

public class IncrementalSyncTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private async Task<(List<System.Text.Json.Nodes.JsonObject> Rows, string SyncToken)> Incremental(string endpoint, string token, string extra = "", int limit = 100) =>
        await emulator.ReadAllAsync(endpoint, $"\"syncToken\":\"{token}\"" + (extra.Length > 0 ? "," + extra : ""), limit);

    [Fact]
    public async Task An_incremental_pass_returns_exactly_the_rows_changed_through_the_api_and_the_control_api()
    {
        var (candidates, candidateToken) = await emulator.ReadAllAsync("candidate.list");
        var (applications, applicationToken) = await emulator.ReadAllAsync("application.list");
        (await Incremental("candidate.list", candidateToken)).Rows.ShouldBeEmpty();

        var edited = candidates[10]["id"]!.GetValue<string>();
        (await emulator.CallAsync("candidate.update", $$"""{"candidateId":"{{edited}}","name":"Renamed Person"}""")).Success.ShouldBeTrue();
        var created = (await emulator.CallAsync("candidate.create", """{"name":"Brand New","email":"brand.new@example.test"}""")).Result["id"]!.GetValue<string>();
        var active = applications.First(a => a["status"]!.GetValue<string>() == "Active");
        (await emulator.ControlAsync($"applications/{active["id"]}/stage", """{"stageType":"Offer"}""")).Status.ShouldBe(200);

        var (changedCandidates, nextCandidateToken) = await Incremental("candidate.list", candidateToken);
        changedCandidates.Select(c => c["id"]!.GetValue<string>()).Order().ShouldBe(new[] { edited, created }.Order());
        changedCandidates.Single(c => c["id"]!.GetValue<string>() == edited)["name"]!.GetValue<string>().ShouldBe("Renamed Person");
        var changedApplications = (await Incremental("application.list", applicationToken)).Rows;
        changedApplications.Select(a => a["id"]!.GetValue<string>()).ShouldBe([active["id"]!.GetValue<string>()]);
        changedApplications[0]["currentInterviewStage"]!["type"]!.GetValue<string>().ShouldBe("Offer");

        (await Incremental("candidate.list", nextCandidateToken)).Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_incremental_pass_pages_with_cursor_alone_or_with_the_token_too()
    {
        var (candidates, token) = await emulator.ReadAllAsync("candidate.list");
        foreach (var c in candidates.Skip(20).Take(5))
        {
            (await emulator.CallAsync("candidate.update", $$"""{"candidateId":"{{c["id"]}}","position":"Changed"}""")).Success.ShouldBeTrue();
        }

        var first = await emulator.CallAsync("candidate.list", $$"""{"syncToken":"{{token}}","limit":2}""");
        first.Results.Count.ShouldBe(2);
        var cursor = first.Body["nextCursor"]!.GetValue<string>();
        var withToken = await emulator.CallAsync("candidate.list", $$"""{"syncToken":"{{token}}","cursor":"{{cursor}}","limit":2}""");
        var alone = await emulator.CallAsync("candidate.list", $$"""{"cursor":"{{cursor}}","limit":2}""");
        withToken.Results.ToJsonString().ShouldBe(alone.Results.ToJsonString());
        withToken.Results.Count.ShouldBe(2);
        (await Incremental("candidate.list", token, limit: 2)).Rows.Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task A_row_changed_between_pages_of_an_incremental_pass_is_served_later_in_it_or_by_the_next_pass()
    {
        var (candidates, token) = await emulator.ReadAllAsync("candidate.list");
        string Id(int i) => candidates[i]["id"]!.GetValue<string>();
        foreach (var i in new[] { 30, 31, 32, 33 }) await Update(Id(i));
        var first = await emulator.CallAsync("candidate.list", $$"""{"syncToken":"{{token}}","limit":2}""");
        first.Results.Select(c => c!["id"]!.GetValue<string>()).ShouldBe([Id(30), Id(31)]);

        // Ahead of the pass and behind it: the pass has already looked past the one and not yet at the other.
        await Update(Id(60));
        await Update(Id(5));
        var rest = new List<string>();
        var page = first;
        string? nextToken = null;
        while (page.Body["nextCursor"]?.GetValue<string>() is { } cursor)
        {
            page = await emulator.CallAsync("candidate.list", $$"""{"cursor":"{{cursor}}","limit":2}""");
            rest.AddRange(page.Results.Select(c => c!["id"]!.GetValue<string>()));
            nextToken = page.Body["syncToken"]?.GetValue<string>();
        }

        rest.ShouldBe([Id(32), Id(33), Id(60)]);
        (await Incremental("candidate.list", nextToken!)).Rows.Select(c => c["id"]!.GetValue<string>()).Order().ShouldBe(new[] { Id(5), Id(60) }.Order());

        async Task Update(string id) =>
            (await emulator.CallAsync("candidate.update", $$"""{"candidateId":"{{id}}","position":"Moved"}""")).Success.ShouldBeTrue();
    }

    [Fact]
    public async Task Deactivated_users_appear_in_incremental_user_list_so_a_mirror_sees_the_change()
    {
        var (users, token) = await emulator.ReadAllAsync("user.list");
        var target = users[^1]["id"]!.GetValue<string>();
        (await emulator.ControlAsync($"users/{target}/deactivate")).Status.ShouldBe(200);
        var changed = (await Incremental("user.list", token)).Rows;
        changed.Single()["id"]!.GetValue<string>().ShouldBe(target);
        changed.Single()["isEnabled"]!.GetValue<bool>().ShouldBeFalse();
        (await emulator.ReadAllAsync("user.list")).Rows.ShouldNotContain(u => u["id"]!.GetValue<string>() == target);
    }

    [Fact]
    public async Task Archived_applications_appear_in_incremental_results_with_their_status()
    {
        var (applications, token) = await emulator.ReadAllAsync("application.list", "\"status\":\"Active\"");
        var target = applications[0];
        var stages = await emulator.CallAsync("interviewStage.list", $$"""{"interviewPlanId":"{{target["currentInterviewStage"]!["interviewPlanId"]}}"}""");
        var archived = stages.Results.Single(s => s!["type"]!.GetValue<string>() == "Archived")!["id"]!.GetValue<string>();
        var reason = (await emulator.CallAsync("archiveReason.list")).Results[0]!["id"]!.GetValue<string>();
        (await emulator.CallAsync("application.changeStage", $$"""{"applicationId":"{{target["id"]}}","interviewStageId":"{{archived}}","archiveReasonId":"{{reason}}"}""")).Success.ShouldBeTrue();
        var all = (await Incremental("application.list", token)).Rows;
        all.Single()["status"]!.GetValue<string>().ShouldBe("Archived");
    }

    [Fact]
    public async Task Sync_tokens_and_cursors_expire_after_their_lifetimes()
    {
        var (_, token) = await emulator.ReadAllAsync("department.list");
        var cursor = (await emulator.CallAsync("candidate.list", """{"limit":10}""")).Body["nextCursor"]!.GetValue<string>();
        emulator.Time.Advance(TimeSpan.FromHours(2));
        (await emulator.CallAsync("candidate.list", $$"""{"cursor":"{{cursor}}"}""")).ErrorCode.ShouldBe("next_cursor_expired");
        (await emulator.CallAsync("department.list", $$"""{"syncToken":"{{token}}"}""")).Success.ShouldBeTrue();
        emulator.Time.Advance(TimeSpan.FromDays(31));
        var expired = await emulator.CallAsync("department.list", $$"""{"syncToken":"{{token}}"}""");
        expired.ErrorCode.ShouldBe("sync_token_expired");
        expired.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("full sync");
    }

    [Fact]
    public async Task The_control_api_expires_every_token_and_cursor_now()
    {
        var (_, token) = await emulator.ReadAllAsync("location.list");
        var cursor = (await emulator.CallAsync("application.list", """{"limit":10}""")).Body["nextCursor"]!.GetValue<string>();
        (await emulator.ControlAsync("tokens/expire")).Status.ShouldBe(200);
        (await emulator.CallAsync("location.list", $$"""{"syncToken":"{{token}}"}""")).ErrorCode.ShouldBe("sync_token_expired");
        (await emulator.CallAsync("application.list", $$"""{"cursor":"{{cursor}}"}""")).ErrorCode.ShouldBe("next_cursor_expired");
        var (_, fresh) = await emulator.ReadAllAsync("location.list");
        (await emulator.CallAsync("location.list", $$"""{"syncToken":"{{fresh}}"}""")).Success.ShouldBeTrue();
    }
}

/// <summary>An emulator whose incremental passes may span at most two pages.</summary>
public sealed class TwoPageCapFixture : EmulatorFixture
{
    protected override void Configure(EmulatorOptions options) => options.IncrementalPageCap = 2;
}

public class IncrementalPageCapTests(TwoPageCapFixture emulator) : IClassFixture<TwoPageCapFixture>
{
    [Fact]
    public async Task An_incremental_pass_deeper_than_the_page_cap_is_incremental_sync_too_large_while_a_full_pass_is_fine()
    {
        var (candidates, token) = await emulator.ReadAllAsync("candidate.list", limit: 10);
        foreach (var c in candidates.Take(3))
        {
            (await emulator.CallAsync("candidate.update", $$"""{"candidateId":"{{c["id"]}}","company":"Acme"}""")).Success.ShouldBeTrue();
        }

        (await emulator.CallAsync("candidate.list", $$"""{"syncToken":"{{token}}","limit":2}""")).Success.ShouldBeTrue();
        var refused = await emulator.CallAsync("candidate.list", $$"""{"syncToken":"{{token}}","limit":1}""");
        refused.ErrorCode.ShouldBe("incremental_sync_too_large");
        refused.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("full sync");
    }
}
