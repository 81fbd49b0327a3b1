namespace Ashbridge.Ashby.Tests.Users;

/// <summary>The small sub-clients: users, sources, archive reasons, stages, roles, hiring team, webhooks, custom fields.</summary>
public class MetadataClientTests
{
    private const string User = """{"id":"u1","firstName":"Grace","lastName":"Hopper","email":"g@example.com","globalRole":"Organization Admin","isEnabled":true}""";

    [Fact]
    public async Task User_info_and_search_send_their_parameters()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(User), Ok("[]"));
        using var client = TestClient.Create(server);

        (await client.Users.InfoAsync(new UserInfoRequest { UserId = "u1" }, cancellationToken: TestClient.Ct)).GlobalRole.ShouldBe(GlobalRole.OrganizationAdmin);
        (await client.Users.SearchAsync(new UserSearchRequest { Email = "nobody@example.com" }, cancellationToken: TestClient.Ct)).ShouldBeEmpty();

        server.Requests.Select(r => (r.Path, r.Body)).ShouldBe([("/user.info", """{"userId":"u1"}"""), ("/user.search", """{"email":"nobody@example.com"}""")]);
    }

    [Fact]
    public async Task Non_paginated_lists_return_their_arrays()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Ok("""[{"id":"s1","title":"LinkedIn","isArchived":false}]""", ""","moreDataAvailable":false"""),
            Ok("""[{"id":"r1","text":"Not a fit","reasonType":"RejectedByOrg","isArchived":false}]"""),
            Ok("""[{"id":"st1","title":"Phone screen","type":"PreInterviewScreen","orderInInterviewPlan":1,"interviewPlanId":"p1"}]"""),
            Ok("""[{"id":"role1","title":"Recruiter"}]"""));
        using var client = TestClient.Create(server);

        (await client.Sources.ListAsync(new SourceListRequest { IncludeArchived = true }, cancellationToken: TestClient.Ct)).Single().Title.ShouldBe("LinkedIn");
        (await client.ArchiveReasons.ListAsync(cancellationToken: TestClient.Ct)).Single().ReasonType.ShouldBe(ArchiveReasonType.RejectedByOrg);
        (await client.InterviewStages.ListAsync(new InterviewStageListRequest { InterviewPlanId = "p1" }, cancellationToken: TestClient.Ct)).Single().Type.ShouldBe(InterviewStageType.PreInterviewScreen);
        (await client.HiringTeamRoles.ListAsync(cancellationToken: TestClient.Ct)).Single().Title.ShouldBe("Recruiter");

        server.Requests.Select(r => r.Path).ShouldBe(["/source.list", "/archiveReason.list", "/interviewStage.list", "/hiringTeamRole.list"]);
        server.Requests[0].Body.ShouldBe("""{"includeArchived":true}""");
        server.Requests[2].Body.ShouldBe("""{"interviewPlanId":"p1"}""");
        server.Requests[3].Body.ShouldBe("""{"namesOnly":false}""");
    }

    [Fact]
    public async Task Hiring_team_add_member_sends_exactly_the_given_target()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""{"userId":"u1","role":"Hiring Manager"}"""));
        using var client = TestClient.Create(server);

        var member = await client.HiringTeam.AddMemberAsync(new HiringTeamAddMemberRequest { JobId = "j1", TeamMemberId = "u1", RoleId = "r1" }, cancellationToken: TestClient.Ct);

        member.UserId.ShouldBe("u1");
        server.Requests.Single().Path.ShouldBe("/hiringTeam.addMember");
        server.Requests.Single().Body.ShouldBe("""{"jobId":"j1","teamMemberId":"u1","roleId":"r1"}""");
    }

    [Fact]
    public async Task Webhook_settings_can_be_created_read_updated_and_deleted()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Ok("""{"id":"w1","enabled":true,"requestUrl":"https://hub.example/hooks","secretToken":"s3cret","webhookType":"candidateHire"}"""),
            Ok("""{"id":"w1","enabled":true,"requestUrl":"https://hub.example/hooks","webhookType":"candidateHire"}"""),
            Ok("""{"id":"w1","enabled":false,"requestUrl":"https://hub.example/hooks","webhookType":"candidateHire"}"""),
            Ok("""{"webhookId":"w1"}"""));
        using var client = TestClient.Create(server);

        var created = await client.Webhooks.CreateAsync(new WebhookCreateRequest { WebhookType = Ashby.Webhooks.AshbyWebhookTypes.CandidateHire, RequestUrl = "https://hub.example/hooks", SecretToken = "s3cret" }, cancellationToken: TestClient.Ct);
        var info = await client.Webhooks.InfoAsync(new WebhookInfoRequest { WebhookId = "w1" }, cancellationToken: TestClient.Ct);
        var updated = await client.Webhooks.UpdateAsync(new WebhookUpdateRequest { WebhookId = "w1", Enabled = false }, cancellationToken: TestClient.Ct);
        var deleted = await client.Webhooks.DeleteAsync(new WebhookDeleteRequest { WebhookId = "w1" }, cancellationToken: TestClient.Ct);

        created.SecretToken.ShouldBe("s3cret");
        info.SecretToken.ShouldBeNull();
        updated.Enabled.ShouldBeFalse();
        deleted.WebhookId.ShouldBe("w1");
        server.Requests.Select(r => r.Path).ShouldBe(["/webhook.create", "/webhook.info", "/webhook.update", "/webhook.delete"]);
        server.Requests[2].Body.ShouldBe("""{"webhookId":"w1","enabled":false}""");
    }

    [Fact]
    public async Task Custom_field_definitions_list_with_selectable_values()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("""[{"id":"cf1","title":"Level","objectType":"Candidate","isArchived":false,"fieldType":"ValueSelect","isPrivate":false,"selectableValues":[{"label":"Senior","value":"senior","isArchived":false}],"isEditableOnlyViaPublicApi":true}]""", more: false, syncToken: "t"));
        using var client = TestClient.Create(server);

        var page = await client.CustomFields.ListAsync(new CustomFieldListRequest { IncludeArchived = true }, cancellationToken: TestClient.Ct);

        var field = page.Results.Single();
        field.FieldType.ShouldBe(CustomFieldType.ValueSelect);
        field.ObjectType.ShouldBe(CustomFieldObjectType.Candidate);
        field.SelectableValues!.Single().Label.ShouldBe("Senior");
        field.IsEditableOnlyViaPublicApi.ShouldBe(true);
    }
}
