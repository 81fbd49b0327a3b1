using System.Text.Json.Nodes;

namespace Ashbridge.Emulator.Tests.Schema.Samples;

/// <summary>
/// Interviews and scheduling: plans, stages, stage groups, interviews, schedules and events, interviewer pools, interviewer
/// settings and pauses, notetaker transcripts. The schedules sampled are ones created here with interviewers who are
/// trainees in a pool, because Ashby's document forgets null in the enum of an event interviewer's <c>trainingRole</c>
/// (its description says qualified interviewers get null, which the emulator sends; see docs/concepts/emulator.md).
/// </summary>
public sealed class InterviewSamples : ISchemaSamples
{
    private const string Unknown = "00000000-0000-4000-8000-000000000000";

    public async Task<IReadOnlyList<SchemaSample>> CreateAsync(EmulatorFixture emulator)
    {
        async Task<JsonObject> Ok(string endpoint, string body)
        {
            var r = await emulator.CallAsync(endpoint, body);
            r.Success.ShouldBeTrue($"{endpoint} {body}: {r.Body.ToJsonString()}");
            return r.Body.AsObject();
        }

        var plan = (await Ok("interviewPlan.list", """{"limit":1}"""))["results"]![0]!["id"]!.GetValue<string>();
        var stage = (await Ok("interviewStage.list", $$"""{"interviewPlanId":"{{plan}}"}"""))["results"]![3]!["id"]!.GetValue<string>();
        var job = (await Ok("job.list", """{"limit":1,"status":["Open"]}"""))["results"]![0]!["id"]!.GetValue<string>();
        var interview = (await Ok("interview.list", """{"limit":1}"""))["results"]![0]!["id"]!.GetValue<string>();

        // Applications without generated schedules, so the schedules listed are the ones created here.
        var applications = new List<string>();
        foreach (var a in (await Ok("application.list", """{"limit":60,"status":"Active"}"""))["results"]!.AsArray())
        {
            var id = a!["id"]!.GetValue<string>();
            if ((await Ok("interviewSchedule.list", $$"""{"applicationId":"{{id}}"}"""))["results"]!.AsArray().Count == 0) applications.Add(id);
            if (applications.Count == 4) break;
        }

        string App(int i) => applications[i];

        // A trainee of a pool: events they interview on carry their training role and pool.
        var pools = (await Ok("interviewerPool.list", "{}"))["results"]!.AsArray();
        string? trainee = null;
        foreach (var p in pools)
        {
            var info = await Ok("interviewerPool.info", $$"""{"interviewerPoolId":"{{p!["id"]}}"}""");
            if (info["results"]!["trainees"]!.AsArray().FirstOrDefault() is { } t) trainee ??= t["email"]!.GetValue<string>();
        }

        trainee.ShouldNotBeNull("the generated pools have trainees");
        string Events(int hour) => $$$"""[{"startTime":"2026-12-01T{{{hour}}}:00:00.000Z","endTime":"2026-12-01T{{{hour}}}:45:00.000Z","interviewers":[{"email":"{{{trainee}}}"}],"extraData":{"sample_ref":"{{{hour}}}"}}]""";
        var listed = (await Ok("interviewSchedule.create", $$"""{"applicationId":"{{App(0)}}","interviewEvents":{{Events(10)}}}"""))["results"]!;
        var toUpdate = (await Ok("interviewSchedule.create", $$"""{"applicationId":"{{App(1)}}","interviewEvents":{{Events(11)}}}"""))["results"]!;
        var toCancel = (await Ok("interviewSchedule.create", $$"""{"applicationId":"{{App(2)}}","interviewEvents":{{Events(12)}}}"""))["results"]!;
        var updateEvent = toUpdate["interviewEvents"]![0]!["id"]!.GetValue<string>();

        // A transcript of a generated event.
        string? transcript = null;
        var (schedules, _) = await emulator.ReadAllAsync("interviewSchedule.list");
        transcript = schedules.SelectMany(s => s["interviewEvents"]!.AsArray()).Select(e => e!["notetakerTranscriptId"]?.GetValue<string>()).First(t => t is not null);

        // Pools and users the writes own.
        var pool = (await Ok("interviewerPool.create", """{"title":"Schema Sample Pool","requiresTraining":true}"""))["results"]!["id"]!.GetValue<string>();
        var users = (await Ok("user.list", """{"limit":100}"""))["results"]!.AsArray().Where(u => u!["isEnabled"]!.GetValue<bool>()).ToList();
        string User(int i) => users[^(i + 1)]!["id"]!.GetValue<string>();
        await Ok("interviewerPool.addUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{User(0)}}"}""");
        var free = new List<string>();
        foreach (var u in users)
        {
            var id = u!["id"]!.GetValue<string>();
            if ((await Ok("user.listInterviewerPauses", $$"""{"userId":"{{id}}"}"""))["results"]!.AsArray().Count == 0) free.Add(id);
            if (free.Count == 2) break;
        }

        var pause = (await Ok("user.createInterviewerPause", $$"""{"userId":"{{free[1]}}","comment":"Sample"}"""))["results"]!["id"]!.GetValue<string>();

        return
        [
            new("interviewPlan.list", """{"includeArchived":true}"""),
            new("interviewPlan.list", """{"cursor":"not-a-cursor"}""", ExpectSuccess: false),
            new("interviewStage.list", $$"""{"interviewPlanId":"{{plan}}"}"""),
            new("interviewStage.list", $$"""{"interviewPlanId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("interviewStage.info", $$"""{"interviewStageId":"{{stage}}"}"""),
            new("interviewStage.info", $$"""{"interviewStageId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("interviewStageGroup.list", "{}"),
            new("jobInterviewPlan.info", $$"""{"jobId":"{{job}}"}"""),
            new("jobInterviewPlan.info", "{}", ExpectSuccess: false),
            new("interview.list", """{"includeArchived":true,"includeNonSharedInterviews":true}"""),
            new("interview.info", $$"""{"id":"{{interview}}"}"""),
            new("interview.info", """{"id":"not-a-uuid"}""", ExpectSuccess: false),
            new("interviewSchedule.list", $$"""{"applicationId":"{{App(0)}}"}"""),
            new("interviewEvent.list", $$"""{"interviewScheduleId":"{{listed["id"]}}","expand":["interview"]}"""),
            new("interviewEvent.list", $$"""{"interviewScheduleId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("interviewSchedule.create", $$"""{"applicationId":"{{App(3)}}","interviewEvents":{{Events(13)}}}"""),
            new("interviewSchedule.create", $$"""{"applicationId":"{{App(3)}}"}""", ExpectSuccess: false),
            new("interviewSchedule.update", $$$"""{"interviewScheduleId":"{{{toUpdate["id"]}}}","interviewEvent":{"interviewEventId":"{{{updateEvent}}}","startTime":"2026-12-02T10:00:00.000Z","endTime":"2026-12-02T11:00:00.000Z","interviewers":[{"email":"{{{trainee}}}"}]}}"""),
            new("interviewSchedule.update", $$"""{"interviewScheduleId":"{{Unknown}}","interviewEventIdToCancel":"{{Unknown}}"}""", ExpectSuccess: false),
            new("interviewSchedule.cancel", $$"""{"id":"{{toCancel["id"]}}","allowReschedule":true}"""),
            new("interviewerPool.list", """{"includeArchivedPools":true,"includeArchivedTrainingStages":true}"""),
            new("interviewerPool.info", $$"""{"interviewerPoolId":"{{pool}}"}"""),
            new("interviewerPool.info", $$"""{"interviewerPoolId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("interviewerPool.create", """{"title":"Schema Sample Pool 2"}"""),
            new("interviewerPool.create", "{}", ExpectSuccess: false),
            new("interviewerPool.update", $$"""{"interviewerPoolId":"{{pool}}","title":"Schema Sample Pool (renamed)"}"""),
            new("interviewerPool.archive", $$"""{"interviewerPoolId":"{{pool}}"}"""),
            new("interviewerPool.restore", $$"""{"interviewerPoolId":"{{pool}}"}"""),
            new("interviewerPool.addUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{User(1)}}"}"""),
            new("interviewerPool.removeUser", $$"""{"interviewerPoolId":"{{pool}}","userId":"{{User(0)}}"}"""),
            new("user.interviewerSettings", $$"""{"userId":"{{User(0)}}"}"""),
            new("user.interviewerSettings", $$"""{"userId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("user.updateInterviewerSettings", $$"""{"userId":"{{User(2)}}","dailyLimit":3,"weeklyLimit":null}"""),
            new("user.createInterviewerPause", $$"""{"userId":"{{free[0]}}","startsAt":"2026-12-01T00:00:00.000Z","endsAt":"2026-12-15T00:00:00.000Z","comment":"Conference"}"""),
            new("user.listInterviewerPauses", $$"""{"userId":"{{free[0]}}"}"""),
            new("user.deleteInterviewerPause", $$"""{"interviewerPauseId":"{{pause}}"}"""),
            new("user.deleteInterviewerPause", $$"""{"interviewerPauseId":"{{Unknown}}"}""", ExpectSuccess: false),
            new("notetakerTranscript.info", $$"""{"notetakerTranscriptId":"{{transcript}}"}"""),
            new("notetakerTranscript.info", $$"""{"notetakerTranscriptId":"{{Unknown}}"}""", ExpectSuccess: false),
        ];
    }
}
