namespace Ashbridge.Ashby.Tests.Applications;

public class ApplicationsClientTests
{
    private static readonly string App = Pagination.PaginationTests.Application("a1");

    [Fact]
    public async Task List_sends_status_as_a_single_string()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("[" + App + "]", more: false));
        using var client = TestClient.Create(server);

        var page = await client.Applications.ListAsync(new ApplicationListRequest { Status = ApplicationStatus.Hired, JobId = "j1", Expand = ["openings"] }, cancellationToken: TestClient.Ct);

        page.Results.Single().Candidate.Name.ShouldBe("Ada");
        var body = server.Requests.Single().Json;
        body.GetProperty("status").GetString().ShouldBe("Hired");
        body.GetProperty("jobId").GetString().ShouldBe("j1");
        body.GetProperty("expand")[0].GetString().ShouldBe("openings");
    }

    [Fact]
    public async Task Info_reads_the_application_history()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        const string History = """
            ,"applicationHistory":[{"id":"h1","stageId":"s1","title":"Lead","enteredStageAt":"2026-01-02T00:00:00.000Z","leftStageAt":"2026-01-05T00:00:00.000Z","stageNumber":0,"allowedActions":["none"]},
                                   {"id":"h2","stageId":"s2","title":"Hired","enteredStageAt":"2026-01-05T00:00:00.000Z","stageNumber":1,"allowedActions":["delete","set_entered_at"],"actorId":"u1"}]}
            """;
        server.Enqueue(Ok(App.TrimEnd().TrimEnd('}') + History));
        using var client = TestClient.Create(server);

        var app = await client.Applications.InfoAsync(new ApplicationInfoRequest { ApplicationId = "a1" }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Body.ShouldBe("""{"applicationId":"a1"}""");
        app.ApplicationHistory!.Count.ShouldBe(2);
        app.ApplicationHistory[1].EnteredStageAt.ShouldBe(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        app.ApplicationHistory[0].LeftStageAt.ShouldNotBeNull();
        app.ApplicationHistory[1].AllowedActions.ShouldBe(["delete", "set_entered_at"]);
    }

    [Fact]
    public async Task ChangeStage_sends_the_archive_reason_and_email()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(App));
        using var client = TestClient.Create(server);

        await client.Applications.ChangeStageAsync(new ApplicationChangeStageRequest
        {
            ApplicationId = "a1",
            InterviewStageId = "archived-stage",
            ArchiveReasonId = "r1",
            ArchiveEmail = new ArchiveEmail { CommunicationTemplateId = "t1" },
        }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Path.ShouldBe("/application.changeStage");
        server.Requests.Single().Body.ShouldBe("""{"applicationId":"a1","interviewStageId":"archived-stage","archiveReasonId":"r1","archiveEmail":{"communicationTemplateId":"t1"}}""");
    }

    [Fact]
    public async Task Create_and_add_hiring_team_member_post_their_endpoints()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(App), Ok("""{"userId":"u1","email":"g@example.com","firstName":"Grace","lastName":"Hopper","role":"Recruiter"}"""));
        using var client = TestClient.Create(server);

        await client.Applications.CreateAsync(new ApplicationCreateRequest
        {
            CandidateId = "c1",
            JobId = "j1",
            ApplicationHistory = [new ApplicationHistoryInput { StageId = "s1", StageNumber = 0, EnteredStageAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) }],
        }, cancellationToken: TestClient.Ct);
        var member = await client.Applications.AddHiringTeamMemberAsync(new ApplicationAddHiringTeamMemberRequest { ApplicationId = "a1", TeamMemberId = "u1", RoleId = "r1" }, cancellationToken: TestClient.Ct);

        server.Requests[0].Path.ShouldBe("/application.create");
        server.Requests[0].Json.GetProperty("applicationHistory")[0].GetProperty("enteredStageAt").GetString().ShouldBe("2026-01-01T00:00:00+00:00");
        server.Requests[1].Path.ShouldBe("/application.addHiringTeamMember");
        member.Role.ShouldBe("Recruiter");
    }

    [Fact]
    public async Task ChangeSource_sends_the_source_and_an_explicit_null_to_unset_it()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(App), Ok(App));
        using var client = TestClient.Create(server);

        var changed = await client.Applications.ChangeSourceAsync(new ApplicationChangeSourceRequest { ApplicationId = "a1", SourceId = "s1" }, cancellationToken: TestClient.Ct);
        await client.Applications.ChangeSourceAsync(new ApplicationChangeSourceRequest { ApplicationId = "a1", SourceId = null }, cancellationToken: TestClient.Ct);

        changed.Id.ShouldBe("a1");
        server.Requests.Select(r => (r.Path, r.Body)).ShouldBe([
            ("/application.changeSource", """{"applicationId":"a1","sourceId":"s1"}"""),
            ("/application.changeSource", """{"applicationId":"a1","sourceId":null}"""),
        ]);
    }

    [Fact]
    public async Task ChangeSource_maps_an_unknown_source_to_not_found()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("source_not_found"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyNotFoundException>(() => client.Applications.ChangeSourceAsync(new ApplicationChangeSourceRequest { ApplicationId = "a1", SourceId = "s9" }, cancellationToken: TestClient.Ct));

        ex.Endpoint.ShouldBe("application.changeSource");
    }

    [Fact]
    public async Task Update_sends_only_what_is_set()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(App));
        using var client = TestClient.Create(server);

        var updated = await client.Applications.UpdateAsync(new ApplicationUpdateRequest
        {
            ApplicationId = "a1",
            CreditedToUserId = "u1",
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            SendNotifications = false,
        }, cancellationToken: TestClient.Ct);

        updated.Status.ShouldBe(ApplicationStatus.Active);
        server.Requests.Single().Path.ShouldBe("/application.update");
        server.Requests.Single().Body.ShouldBe("""{"applicationId":"a1","creditedToUserId":"u1","createdAt":"2026-01-01T00:00:00\u002B00:00","sendNotifications":false}""");
    }

    [Fact]
    public async Task Update_maps_invalid_input()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("invalid_input", "createdAt is in the future"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyInvalidInputException>(() => client.Applications.UpdateAsync(new ApplicationUpdateRequest { ApplicationId = "a1", CreatedAt = new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero) }, cancellationToken: TestClient.Ct));

        ex.ServerMessage.ShouldBe("createdAt is in the future");
    }
}
