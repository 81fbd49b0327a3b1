using System.Text.Json.Nodes;
using Ashbridge.Emulator.Tests.Schema;

namespace Ashbridge.Emulator.Tests.Api;

/// <summary>Interview schedules and events: generated data, filters, the three writes, sync and webhooks.</summary>
public class InterviewScheduleTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Unknown = "00000000-0000-4000-8000-000000000000";

    private static string Id(JsonNode? n) => n!["id"]!.GetValue<string>();

    /// <summary>Active applications without a generated schedule, taken in order so each test uses its own.</summary>
    private async Task<string> FreshApplicationAsync(int skip)
    {
        var (apps, _) = await emulator.ReadAllAsync("application.list", "\"status\":\"Active\"");
        var (schedules, _) = await emulator.ReadAllAsync("interviewSchedule.list");
        var taken = schedules.Select(s => s["applicationId"]!.GetValue<string>()).ToHashSet();
        return apps.Select(a => Id(a)).Where(a => !taken.Contains(a)).Skip(skip).First();
    }

    private async Task<(string Email, string UserId)> InterviewerAsync(int index)
    {
        var users = (await emulator.CallAsync("user.list", """{"limit":100}""")).Results.Where(u => u!["isEnabled"]!.GetValue<bool>() && u["globalRole"]!.GetValue<string>() != "External Recruiter").ToList();
        return (users[index]!["email"]!.GetValue<string>(), Id(users[index]));
    }

    private static string Event(string email, string start = "2026-12-01T10:00:00Z", string end = "2026-12-01T11:00:00Z", string extra = "") =>
        $$"""{"startTime":"{{start}}","endTime":"{{end}}","interviewers":[{"email":"{{email}}","feedbackRequired":true}]{{extra}}}""";

    [Fact]
    public async Task Generated_schedules_sit_at_interview_stages_of_their_applications_with_events_in_order()
    {
        var (schedules, _) = await emulator.ReadAllAsync("interviewSchedule.list");
        schedules.Count.ShouldBeGreaterThan(5);
        schedules.Select(s => s["status"]!.GetValue<string>()).Distinct().ShouldContain("Complete");
        var app = (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{schedules[0]["applicationId"]}}"}""")).Result;
        var stages = (await emulator.CallAsync("interviewStage.list", $$"""{"interviewPlanId":"{{app["currentInterviewStage"]!["interviewPlanId"]}}"}""")).Results;
        stages.Select(s => Id(s)).ShouldContain(schedules[0]["interviewStageId"]!.GetValue<string>());
        foreach (var s in schedules.Where(x => x["status"]!.GetValue<string>() is not ("Cancelled" or "NeedsScheduling")))
        {
            var events = s["interviewEvents"]!.AsArray();
            events.Count.ShouldBeGreaterThan(0);
            foreach (var e in events)
            {
                e!["interviewScheduleId"]!.GetValue<string>().ShouldBe(Id(s));
                e["interviewers"]!.AsArray().Select(i => Id(i)).ShouldBe(e["interviewerUserIds"]!.AsArray().Select(i => i!.GetValue<string>()));
                string.CompareOrdinal(e["startTime"]!.GetValue<string>(), e["endTime"]!.GetValue<string>()).ShouldBeLessThan(0);
            }
        }
    }

    [Fact]
    public async Task Generated_schedules_match_the_document_with_the_null_trainingRole_of_qualified_interviewers()
    {
        // The document's enum leaves null out, its prose says null for a qualified interviewer: AshbySchema lists the exception.
        var page = await emulator.CallAsync("interviewSchedule.list");
        page.Results.SelectMany(s => s!["interviewEvents"]!.AsArray()).SelectMany(e => e!["interviewers"]!.AsArray()).ShouldContain(i => i!["trainingRole"] == null);
        AshbySchema.ResponseErrors("interviewSchedule.list", page.Status, page.Body).ShouldBeEmpty();
    }

    [Fact]
    public async Task Schedules_filter_by_application_stage_and_createdAfter_and_check_the_ids()
    {
        var (schedules, _) = await emulator.ReadAllAsync("interviewSchedule.list");
        var first = schedules[0];
        var byApp = await emulator.CallAsync("interviewSchedule.list", $$"""{"applicationId":"{{first["applicationId"]}}"}""");
        byApp.Results.ShouldAllBe(s => s!["applicationId"]!.GetValue<string>() == first["applicationId"]!.GetValue<string>());
        byApp.Results.Select(s => Id(s)).ShouldContain(Id(first));
        var (byStage, _) = await emulator.ReadAllAsync("interviewSchedule.list", $$"""
            "interviewStageId":"{{first["interviewStageId"]}}"
            """);
        byStage.ShouldAllBe(s => s["interviewStageId"]!.GetValue<string>() == first["interviewStageId"]!.GetValue<string>());
        byStage.Count.ShouldBeLessThan(schedules.Count);
        var cut = schedules.Select(s => DateTimeOffset.Parse(s["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()).Order().ElementAt(schedules.Count / 2);
        var (after, _) = await emulator.ReadAllAsync("interviewSchedule.list", $"\"createdAfter\":{cut}");
        after.Count.ShouldBeLessThan(schedules.Count);
        after.ShouldAllBe(s => DateTimeOffset.Parse(s["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() > cut);
        (await emulator.CallAsync("interviewSchedule.list", $$"""{"applicationId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("application_not_found");
        (await emulator.CallAsync("interviewSchedule.list", $$"""{"interviewStageId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("interview_stage_not_found");
        (await emulator.CallAsync("interviewSchedule.list", "{}", EmulatorFixture.CandidatesOnlyKey)).Status.ShouldBe(403);
    }

    [Fact]
    public async Task Schedules_of_confidential_jobs_are_hidden_from_a_key_without_the_flag()
    {
        var (jobs, _) = await emulator.ReadAllAsync("job.list", "\"status\":[\"Open\",\"Closed\",\"Archived\"]");
        var secret = jobs.Where(j => j["confidential"]!.GetValue<bool>()).Select(j => Id(j)).ToHashSet();
        var (apps, _) = await emulator.ReadAllAsync("application.list");
        var secretApps = apps.Where(a => secret.Contains(a["job"]!["id"]!.GetValue<string>())).Select(a => Id(a)).ToHashSet();
        var (all, _) = await emulator.ReadAllAsync("interviewSchedule.list");
        var (visible, _) = await emulator.ReadAllAsync("interviewSchedule.list", key: EmulatorFixture.NoFlagsKey);
        visible.ShouldAllBe(s => !secretApps.Contains(s["applicationId"]!.GetValue<string>()));
        visible.Count.ShouldBe(all.Count(s => !secretApps.Contains(s["applicationId"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Interview_events_list_a_schedules_events_and_expand_the_interview()
    {
        var (schedules, _) = await emulator.ReadAllAsync("interviewSchedule.list");
        var s = schedules.First(x => x["interviewEvents"]!.AsArray().Count > 1);
        var events = await emulator.CallAsync("interviewEvent.list", $$"""{"interviewScheduleId":"{{Id(s)}}","expand":["interview"]}""");
        events.Results.Select(e => Id(e)).ShouldBe(s["interviewEvents"]!.AsArray().Select(e => Id(e)));
        events.Results.ShouldAllBe(e => e!["interview"]!["id"]!.GetValue<string>() == e["interviewId"]!.GetValue<string>());
        events.Body["syncToken"].ShouldNotBeNull();
        var plain = await emulator.CallAsync("interviewEvent.list", $$"""{"interviewScheduleId":"{{Id(s)}}","limit":1}""");
        plain.Results.Single()!.AsObject().ContainsKey("interview").ShouldBeFalse();
        plain.Body["moreDataAvailable"]!.GetValue<bool>().ShouldBeTrue();
        (await emulator.CallAsync("interviewEvent.list", "{}")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("interviewEvent.list", $$"""{"interviewScheduleId":"{{Id(s)}}","expand":["candidate"]}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("interviewEvent.list", $$"""{"interviewScheduleId":"{{Unknown}}"}""")).ErrorCode.ShouldBe("interview_schedule_not_found");
    }

    [Fact]
    public async Task A_created_schedule_is_listed_for_its_application_at_its_current_stage_and_returned_by_an_incremental_sync()
    {
        var (_, token) = await emulator.ReadAllAsync("interviewSchedule.list");
        var app = await FreshApplicationAsync(0);
        var (email, userId) = await InterviewerAsync(0);
        var created = await emulator.CallAsync("interviewSchedule.create", $$"""{"applicationId":"{{app}}","interviewEvents":[{{Event(email, extra: ",\"extraData\":{\"ext_id\":\"A-1\"}")}}]}""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        created.Result["status"]!.GetValue<string>().ShouldBe("Scheduled");
        var stage = (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{app}}"}""")).Result["currentInterviewStage"]!["id"]!.GetValue<string>();
        created.Result["interviewStageId"]!.GetValue<string>().ShouldBe(stage);
        var e = created.Result["interviewEvents"]![0]!;
        e["interviewerUserIds"]![0]!.GetValue<string>().ShouldBe(userId);
        e["startTime"]!.GetValue<string>().ShouldBe("2026-12-01T10:00:00.000Z");
        e["extraData"]!["ext_id"]!.GetValue<string>().ShouldBe("A-1");

        var listed = await emulator.CallAsync("interviewSchedule.list", $$"""{"applicationId":"{{app}}"}""");
        listed.Results.Single()!.ToJsonString().ShouldBe(created.Result.ToJsonString());
        var changed = await emulator.CallAsync("interviewSchedule.list", $$"""{"syncToken":"{{token}}"}""");
        changed.Results.Select(s => Id(s)).ShouldBe([Id(created.Result)]);
    }

    [Fact]
    public async Task Update_adds_moves_and_cancels_events_of_a_schedule_the_key_created()
    {
        var app = await FreshApplicationAsync(1);
        var (email, _) = await InterviewerAsync(1);
        var (other, otherId) = await InterviewerAsync(2);
        var created = (await emulator.CallAsync("interviewSchedule.create", $$"""{"applicationId":"{{app}}","interviewEvents":[{{Event(email)}}]}""")).Result;
        var scheduleId = Id(created);
        var firstEvent = Id(created["interviewEvents"]![0]);

        var added = await emulator.CallAsync("interviewSchedule.update", $$"""{"interviewScheduleId":"{{scheduleId}}","interviewEvent":[{{Event(other, "2026-12-02T10:00:00Z", "2026-12-02T10:30:00Z")}}]}""");
        added.Success.ShouldBeTrue(added.Body.ToJsonString());
        added.Result["interviewEvents"]!.AsArray().Count.ShouldBe(2);

        var (_, eventsToken) = await emulator.ReadAllAsync("interviewEvent.list", $$"""
            "interviewScheduleId":"{{scheduleId}}"
            """);
        var moveBody = Event(other, "2026-12-03T09:00:00Z", "2026-12-03T10:00:00Z").TrimEnd('}') + $$""","interviewEventId":"{{firstEvent}}"}""";
        var moved = await emulator.CallAsync("interviewSchedule.update", $$"""{"interviewScheduleId":"{{scheduleId}}","interviewEvent":{{moveBody}}}""");
        var movedEvent = moved.Result["interviewEvents"]!.AsArray().Single(e => Id(e) == firstEvent)!;
        movedEvent["startTime"]!.GetValue<string>().ShouldBe("2026-12-03T09:00:00.000Z");
        movedEvent["interviewerUserIds"]![0]!.GetValue<string>().ShouldBe(otherId);
        var changedEvents = await emulator.CallAsync("interviewEvent.list", $$"""{"interviewScheduleId":"{{scheduleId}}","syncToken":"{{eventsToken}}"}""");
        changedEvents.Results.Select(e => Id(e)).ShouldBe([firstEvent]);

        var cancelled = await emulator.CallAsync("interviewSchedule.update", $$"""{"interviewScheduleId":"{{scheduleId}}","interviewEventIdToCancel":"{{firstEvent}}"}""");
        cancelled.Result["interviewEvents"]!.AsArray().Select(e => Id(e)).ShouldNotContain(firstEvent);
        var events = await emulator.CallAsync("interviewEvent.list", $$"""{"interviewScheduleId":"{{scheduleId}}"}""");
        events.Results.Count.ShouldBe(1);
        (await emulator.CallAsync("interviewSchedule.update", $$"""{"interviewScheduleId":"{{scheduleId}}","interviewEventIdToCancel":["{{firstEvent}}"]}""")).ErrorCode.ShouldBe("interview_event_not_found");
        (await emulator.CallAsync("interviewSchedule.update", $$"""{"interviewScheduleId":"{{scheduleId}}"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("interviewSchedule.update", $$"""{"interviewScheduleId":"{{Unknown}}","interviewEventIdToCancel":"{{firstEvent}}"}""")).ErrorCode.ShouldBe("interview_schedule_not_found");
    }

    [Fact]
    public async Task Generated_schedules_cannot_be_updated_and_events_with_feedback_need_allowFeedbackDeletion()
    {
        var (schedules, _) = await emulator.ReadAllAsync("interviewSchedule.list");
        var generated = schedules.First(s => s["status"]!.GetValue<string>() == "Complete");
        var (email, _) = await InterviewerAsync(0);
        var r = await emulator.CallAsync("interviewSchedule.update", $$"""{"interviewScheduleId":"{{Id(generated)}}","interviewEvent":{{Event(email)}}}""");
        r.ErrorCode.ShouldBe("invalid_input");
        r.Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("API key");
    }

    [Fact]
    public async Task Cancel_marks_the_schedule_cancelled_and_removes_its_events()
    {
        var app = await FreshApplicationAsync(2);
        var (email, _) = await InterviewerAsync(0);
        var created = (await emulator.CallAsync("interviewSchedule.create", $$"""{"applicationId":"{{app}}","interviewEvents":[{{Event(email)}}]}""")).Result;
        var cancelled = await emulator.CallAsync("interviewSchedule.cancel", $$"""{"id":"{{Id(created)}}"}""");
        cancelled.Result["status"]!.GetValue<string>().ShouldBe("Cancelled");
        cancelled.Result["interviewEvents"]!.AsArray().ShouldBeEmpty();
        (await emulator.CallAsync("interviewSchedule.list", $$"""{"applicationId":"{{app}}"}""")).Results.Single()!["status"]!.GetValue<string>().ShouldBe("Cancelled");
        (await emulator.CallAsync("interviewEvent.list", $$"""{"interviewScheduleId":"{{Id(created)}}"}""")).Results.ShouldBeEmpty();
        (await emulator.CallAsync("interviewSchedule.cancel", $$"""{"id":"{{Unknown}}"}""")).ErrorCode.ShouldBe("interview_schedule_not_found");
        (await emulator.CallAsync("interviewSchedule.cancel", """{"id":"x"}""")).ErrorCode.ShouldBe("invalid_input");
    }

    [Theory]
    [InlineData("""{"interviewEvents":[]}""", "invalid_input")]
    [InlineData("""{"applicationId":"APP"}""", "invalid_input")]
    [InlineData("""{"applicationId":"APP","interviewEvents":[]}""", "invalid_input")]
    [InlineData("""{"applicationId":"APP","interviewEvents":[{"startTime":"2026-12-01T10:00:00Z","endTime":"2026-12-01T09:00:00Z","interviewers":[{"email":"EMAIL"}]}]}""", "invalid_input")]
    [InlineData("""{"applicationId":"APP","interviewEvents":[{"startTime":"tomorrow","endTime":"2026-12-01T09:00:00Z","interviewers":[{"email":"EMAIL"}]}]}""", "invalid_input")]
    [InlineData("""{"applicationId":"APP","interviewEvents":[{"startTime":"2026-12-01T10:00:00Z","endTime":"2026-12-01T11:00:00Z","interviewers":[{"email":"nobody@example.com"}]}]}""", "invalid_input")]
    [InlineData("""{"applicationId":"APP","interviewEvents":[{"startTime":"2026-12-01T10:00:00Z","endTime":"2026-12-01T11:00:00Z","interviewers":[]}]}""", "invalid_input")]
    [InlineData("""{"applicationId":"APP","interviewEvents":[{"startTime":"2026-12-01T10:00:00Z","endTime":"2026-12-01T11:00:00Z","interviewers":[{"email":"EMAIL"}],"interviewId":"00000000-0000-4000-8000-000000000000"}]}""", "interview_not_found")]
    [InlineData("""{"applicationId":"00000000-0000-4000-8000-000000000000","interviewEvents":[{"startTime":"2026-12-01T10:00:00Z","endTime":"2026-12-01T11:00:00Z","interviewers":[{"email":"EMAIL"}]}]}""", "application_not_found")]
    public async Task Create_validates_the_application_the_times_the_interviewers_and_the_interview(string body, string code)
    {
        var (schedules, _) = await emulator.ReadAllAsync("interviewSchedule.list");
        var app = schedules[0]["applicationId"]!.GetValue<string>();
        var before = (await emulator.CallAsync("interviewSchedule.list", $$"""{"applicationId":"{{app}}"}""")).Results.Count;
        var (email, _) = await InterviewerAsync(0);
        var r = await emulator.CallAsync("interviewSchedule.create", body.Replace("APP", app, StringComparison.Ordinal).Replace("EMAIL", email, StringComparison.Ordinal));
        r.ErrorCode.ShouldBe(code, r.Body.ToJsonString());
        (await emulator.CallAsync("interviewSchedule.list", $$"""{"applicationId":"{{app}}"}""")).Results.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Create_refuses_an_interview_local_to_another_job_and_a_key_without_interviewsWrite()
    {
        var (interviews, _) = await emulator.ReadAllAsync("interview.list", "\"includeNonSharedInterviews\":true");
        var local = interviews.First(i => i.ContainsKey("jobId"));
        var app = (await emulator.ReadAllAsync("application.list", "\"status\":\"Active\"")).Rows.First(a => a["job"]!["id"]!.GetValue<string>() != local["jobId"]!.GetValue<string>());
        var (email, _) = await InterviewerAsync(0);
        var body = $$"""{"applicationId":"{{Id(app)}}","interviewEvents":[{{Event(email).TrimEnd('}')}},"interviewId":"{{Id(local)}}"}]}""";
        var r = await emulator.CallAsync("interviewSchedule.create", body);
        r.ErrorCode.ShouldBe("invalid_input", r.Body.ToJsonString());
        (await emulator.CallAsync("interviewSchedule.create", body, EmulatorFixture.NoFlagsKey)).Status.ShouldBe(403);
    }

    [Fact]
    public async Task Writes_send_interviewScheduleCreate_with_interviewScheduleUpdate_then_interviewScheduleUpdate_as_documented()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        foreach (var type in new[] { "interviewScheduleCreate", "interviewScheduleUpdate" })
        {
            (await emulator.CallAsync("webhook.create", $$"""{"webhookType":"{{type}}","requestUrl":"{{receiver.Url(type)}}","secretToken":"secret-{{type}}"}""")).Success.ShouldBeTrue();
        }

        // A trainee interviews, so the payload carries a training role (the document's enum forgets null).
        var pools = (await emulator.CallAsync("interviewerPool.list")).Results;
        string? trainee = null;
        foreach (var p in pools)
        {
            trainee ??= (await emulator.CallAsync("interviewerPool.info", $$"""{"interviewerPoolId":"{{Id(p)}}"}""")).Result["trainees"]!.AsArray().FirstOrDefault()?["email"]!.GetValue<string>();
        }

        var app = await FreshApplicationAsync(3);
        var created = (await emulator.CallAsync("interviewSchedule.create", $$"""{"applicationId":"{{app}}","interviewEvents":[{{Event(trainee!)}}]}""")).Result;
        created["interviewEvents"]![0]!["interviewers"]![0]!["trainingRole"]!.GetValue<string>().ShouldBeOneOf("Shadow", "Reverse-Shadow");
        (await emulator.CallAsync("interviewSchedule.cancel", $$"""{"id":"{{Id(created)}}"}""")).Success.ShouldBeTrue();
        (await emulator.ControlAsync("webhooks/flush")).Status.ShouldBe(200);

        var create = receiver.Deliveries("interviewScheduleCreate").Single().Json;
        create["data"]!["interviewSchedule"]!["id"]!.GetValue<string>().ShouldBe(Id(created));
        create["data"]!["interviewSchedule"]!["status"]!.GetValue<string>().ShouldBe("Scheduled");
        // Deliveries of separate changes may arrive in either order; the create's update shares its webhookActionId.
        var updates = receiver.Deliveries("interviewScheduleUpdate").Select(d => d.Json).OrderBy(u => u["webhookActionId"]!.GetValue<string>() == create["webhookActionId"]!.GetValue<string>() ? 0 : 1).ToList();
        updates.Count.ShouldBe(2);
        updates[0]["webhookActionId"]!.GetValue<string>().ShouldBe(create["webhookActionId"]!.GetValue<string>());
        updates[0]["data"]!["interviewSchedule"]!["status"]!.GetValue<string>().ShouldBe("Scheduled");
        updates[1]["webhookActionId"]!.GetValue<string>().ShouldNotBe(create["webhookActionId"]!.GetValue<string>());
        updates[1]["data"]!["interviewSchedule"]!["status"]!.GetValue<string>().ShouldBe("Cancelled");
        var candidate = (await emulator.CallAsync("application.info", $$"""{"applicationId":"{{app}}"}""")).Result["candidate"]!["id"]!.GetValue<string>();
        updates[1]["data"]!["interviewSchedule"]!["candidateId"]!.GetValue<string>().ShouldBe(candidate);
        foreach (var payload in updates.Append(create)) AshbySchema.ShouldMatchTheWebhookSchema(payload);
    }
}
