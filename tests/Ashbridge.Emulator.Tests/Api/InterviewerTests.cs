using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>Interviewer pools, interviewer settings and pauses, and notetaker transcripts.</summary>
public class InterviewerTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Unknown = "00000000-0000-4000-8000-000000000000";

    private static string Id(JsonNode? n) => n!["id"]!.GetValue<string>();

    private async Task<List<JsonObject>> EnabledUsersAsync() =>
        [.. (await emulator.CallAsync("user.list", """{"limit":100}""")).Results.Select(u => u!.AsObject()).Where(u => u["isEnabled"]!.GetValue<bool>())];

    [Fact]
    public async Task Pools_list_without_archived_ones_or_members_unless_asked()
    {
        var (live, _) = await emulator.ReadAllAsync("interviewerPool.list");
        live.ShouldAllBe(p => !p["isArchived"]!.GetValue<bool>() && !p.ContainsKey("qualifiedMembers"));
        live.ShouldContain(p => p.ContainsKey("trainingPath"));
        live.ShouldContain(p => !p.ContainsKey("trainingPath"));
        var (all, _) = await emulator.ReadAllAsync("interviewerPool.list", "\"includeArchivedPools\":true");
        all.Count.ShouldBe(live.Count + 1);
        var info = await emulator.CallAsync("interviewerPool.info", $$"""{"interviewerPoolId":"{{Id(live[0])}}"}""");
        info.Result["qualifiedMembers"]!.AsArray().Count.ShouldBeGreaterThan(0);
        info.Result["qualifiedMembers"]!.AsArray().ShouldAllBe(m => m!["isPaused"] != null);
        (await emulator.CallAsync("interviewerPool.info", $$"""{"interviewerPoolId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("interviewer_pool_not_found");
        (await emulator.CallAsync("interviewerPool.list", "{}", EmulatorFixture.CandidatesOnlyKey)).Status.ShouldBe(403);
    }

    [Fact]
    public async Task Pool_writes_are_visible_to_info_and_list_and_to_an_incremental_sync()
    {
        var (_, token) = await emulator.ReadAllAsync("interviewerPool.list", "\"includeArchivedPools\":true");
        var users = await EnabledUsersAsync();
        var created = await emulator.CallAsync("interviewerPool.create", """{"title":"Platform Panel","requiresTraining":true}""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        var pool = Id(created.Result);
        var shadow = Id(created.Result["trainingPath"]!["trainingStages"]![0]);
        created.Result["qualifiedMembers"]!.AsArray().ShouldBeEmpty();

        (await emulator.CallAsync("interviewerPool.addUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{Id(users[0])}}"}""")).Success.ShouldBeTrue();
        var trainee = await emulator.CallAsync("interviewerPool.addUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{Id(users[1])}}","interviewerPoolTrainingPathStageId":"{{shadow}}"}""");
        trainee.Result["trainees"]![0]!["currentProgress"]!["trainingPathStageId"]!.GetValue<string>().ShouldBe(shadow);
        (await emulator.CallAsync("interviewerPool.update", $$"""{"interviewerPoolId":"{{pool}}","title":"Platform Panel (EU)"}""")).Result["title"]!.GetValue<string>().ShouldBe("Platform Panel (EU)");
        (await emulator.CallAsync("interviewerPool.archive", $$"""{"interviewerPoolId":"{{pool}}"}""")).Result["isArchived"]!.GetValue<bool>().ShouldBeTrue();

        var info = (await emulator.CallAsync("interviewerPool.info", $$"""{"interviewerPoolId":"{{pool}}"}""")).Result;
        info["title"]!.GetValue<string>().ShouldBe("Platform Panel (EU)");
        info["isArchived"]!.GetValue<bool>().ShouldBeTrue();
        info["qualifiedMembers"]!.AsArray().Select(u => Id(u)).ShouldBe([Id(users[0])]);
        info["trainees"]!.AsArray().Select(u => Id(u)).ShouldBe([Id(users[1])]);
        (await emulator.ReadAllAsync("interviewerPool.list")).Rows.Select(p => Id(p)).ShouldNotContain(pool);

        var changed = await emulator.CallAsync("interviewerPool.list", $$"""{"syncToken":"{{token}}"}""");
        changed.Results.Select(p => Id(p)).ShouldBe([pool]);

        (await emulator.CallAsync("interviewerPool.restore", $$"""{"interviewerPoolId":"{{pool}}"}""")).Result["isArchived"]!.GetValue<bool>().ShouldBeFalse();
        (await emulator.ReadAllAsync("interviewerPool.list")).Rows.Select(p => Id(p)).ShouldContain(pool);
        (await emulator.CallAsync("interviewerPool.removeUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{Id(users[1])}}"}""")).Result["trainees"]!.AsArray().ShouldBeEmpty();
        (await emulator.CallAsync("interviewerPool.removeUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{Id(users[1])}}"}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Pool_writes_validate_and_need_hiringProcessMetadataWrite()
    {
        (await emulator.CallAsync("interviewerPool.create", "{}")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("interviewerPool.create", """{"title":5}""")).Body["errors"]![0]!["parameter"]!.GetValue<string>().ShouldBe("title");
        (await emulator.CallAsync("interviewerPool.create", """{"title":"X"}""", EmulatorFixture.NoFlagsKey)).Status.ShouldBe(403);
        var pool = Id((await emulator.CallAsync("interviewerPool.create", """{"title":"No Training"}""")).Result);
        (await emulator.CallAsync("interviewerPool.addUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("user_not_found");
        var user = Id((await EnabledUsersAsync())[0]);
        (await emulator.CallAsync("interviewerPool.addUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{user}}","interviewerPoolTrainingPathStageId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("interviewerPool.update", $$"""{"interviewerPoolId":"{{Unknown}}","title":"Y"}""")).ErrorCode.ShouldBe("interviewer_pool_not_found");
    }

    [Fact]
    public async Task Interviewer_settings_update_only_the_limits_sent_and_unset_the_ones_sent_as_null()
    {
        var user = Id((await EnabledUsersAsync())[5]);
        (await emulator.CallAsync("user.updateInterviewerSettings", $$"""{"userId":"{{user}}","dailyLimit":3,"weeklyLimit":10}""")).Success.ShouldBeTrue();
        var daily = await emulator.CallAsync("user.updateInterviewerSettings", $$"""{"userId":"{{user}}","dailyLimit":2}""");
        daily.Result["weeklyLimit"]!.GetValue<int>().ShouldBe(10);
        (await emulator.CallAsync("user.updateInterviewerSettings", $$"""{"userId":"{{user}}","weeklyLimit":null}""")).Success.ShouldBeTrue();
        var settings = (await emulator.CallAsync("user.interviewerSettings", $$"""{"userId":"{{user}}"}""")).Result;
        settings["id"]!.GetValue<string>().ShouldBe(user);
        settings["dailyLimit"]!.GetValue<int>().ShouldBe(2);
        settings["weeklyLimit"].ShouldBeNull();
        settings.ContainsKey("weeklyLimit").ShouldBeTrue();
        (await emulator.CallAsync("user.updateInterviewerSettings", $$"""{"userId":"{{user}}","dailyLimit":-1}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("user.updateInterviewerSettings", $$"""{"userId":"{{user}}","dailyLimit":"two"}""")).Body["errors"]![0]!["parameter"]!.GetValue<string>().ShouldBe("dailyLimit");
        (await emulator.CallAsync("user.interviewerSettings", $$"""{"userId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("user_not_found");
        (await emulator.CallAsync("user.updateInterviewerSettings", $$"""{"userId":"{{user}}","dailyLimit":1}""", EmulatorFixture.NoFlagsKey)).Status.ShouldBe(403);
    }

    [Fact]
    public async Task A_user_has_at_most_one_current_pause_which_lists_until_deleted()
    {
        var users = await EnabledUsersAsync();
        string? user = null;
        foreach (var u in users)
        {
            if ((await emulator.CallAsync("user.listInterviewerPauses", $$"""{"userId":"{{Id(u)}}"}""")).Results.Count == 0) { user = Id(u); break; }
        }

        var created = await emulator.CallAsync("user.createInterviewerPause", $$"""{"userId":"{{user}}","endsAt":"2026-12-24T00:00:00Z","comment":"Holiday"}""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        created.Result["startsAt"]!.GetValue<string>().ShouldBe("2026-11-23T09:00:00.000Z");
        created.Result["endsAt"]!.GetValue<string>().ShouldBe("2026-12-24T00:00:00.000Z");
        (await emulator.CallAsync("user.createInterviewerPause", $$"""{"userId":"{{user}}"}""")).ErrorCode.ShouldBe("interviewer_pause_already_exists");
        (await emulator.CallAsync("user.listInterviewerPauses", $$"""{"userId":"{{user}}"}""")).Results.Select(p => Id(p)).ShouldBe([Id(created.Result)]);

        // A pause shows on the user's pool memberships.
        var pool = Id((await emulator.CallAsync("interviewerPool.create", """{"title":"Pause Check"}""")).Result);
        (await emulator.CallAsync("interviewerPool.addUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{user}}"}""")).Result["qualifiedMembers"]![0]!["isPaused"]!.GetValue<bool>().ShouldBeTrue();

        (await emulator.CallAsync("user.deleteInterviewerPause", $$"""{"interviewerPauseId":"{{Id(created.Result)}}"}""")).Result["id"]!.GetValue<string>().ShouldBe(Id(created.Result));
        (await emulator.CallAsync("user.listInterviewerPauses", $$"""{"userId":"{{user}}"}""")).Results.ShouldBeEmpty();
        (await emulator.CallAsync("user.deleteInterviewerPause", $$"""{"interviewerPauseId":"{{Id(created.Result)}}"}""")).ErrorCode.ShouldBe("interviewer_pause_not_found");
        (await emulator.CallAsync("user.createInterviewerPause", $$"""{"userId":"{{user}}","startsAt":"2026-12-10T00:00:00Z","endsAt":"2026-12-01T00:00:00Z"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("user.createInterviewerPause", $$"""{"userId":"{{user}}","startsAt":"soon"}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Fact]
    public async Task Notetaker_transcripts_name_their_event_and_participants_and_need_notetakerRead()
    {
        var (schedules, _) = await emulator.ReadAllAsync("interviewSchedule.list");
        var e = schedules.SelectMany(s => s["interviewEvents"]!.AsArray()).First(x => x!["notetakerTranscriptId"] is not null)!;
        var id = e["notetakerTranscriptId"]!.GetValue<string>();
        var t = await emulator.CallAsync("notetakerTranscript.info", $$"""{"notetakerTranscriptId":"{{id}}"}""");
        t.Result["interviewEventId"]!.GetValue<string>().ShouldBe(Id(e));
        t.Result["interviewScheduleId"]!.GetValue<string>().ShouldBe(e["interviewScheduleId"]!.GetValue<string>());
        var participants = t.Result["participants"]!.AsArray();
        participants.Where(p => p!["type"]!.GetValue<string>() == "interviewer").Select(p => Id(p)).ShouldBe(e["interviewerUserIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        participants.Count(p => p!["type"]!.GetValue<string>() == "candidate").ShouldBe(1);
        t.Result["transcriptUrl"]!.GetValue<string>().ShouldStartWith("https://");
        (await emulator.CallAsync("notetakerTranscript.info", $$"""{"notetakerTranscriptId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("notetaker_transcript_not_found");
        (await emulator.CallAsync("notetakerTranscript.info", $$"""{"notetakerTranscriptId":"{{id}}"}""", EmulatorFixture.NoFlagsKey)).Status.ShouldBe(403);
    }
}
