namespace Ashbridge.Ashby.Tests.HiringTeam;

/// <summary>Hiring teams on jobs, openings and applications, and the roles they use.</summary>
public class HiringTeamClientTests
{
    private const string Member = """{"userId":"u1","email":"g@example.com","firstName":"Grace","lastName":"Hopper","role":"Recruiter"}""";

    [Fact]
    public async Task Remove_member_sends_exactly_the_given_target_and_reads_the_removed_member()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Member));
        using var client = TestClient.Create(server);

        var removed = await client.HiringTeam.RemoveMemberAsync(new HiringTeamRemoveMemberRequest { OpeningId = "o1", TeamMemberId = "u1", RoleId = "r1" }, cancellationToken: TestClient.Ct);

        removed.UserId.ShouldBe("u1");
        removed.Role.ShouldBe("Recruiter");
        server.Requests.Single().Path.ShouldBe("/hiringTeam.removeMember");
        server.Requests.Single().Body.ShouldBe("""{"openingId":"o1","teamMemberId":"u1","roleId":"r1"}""");
    }

    [Fact]
    public async Task Remove_member_maps_an_unknown_role_to_not_found()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("hiring_team_role_not_found", "Hiring team role r9 was not found"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyNotFoundException>(() => client.HiringTeam.RemoveMemberAsync(new HiringTeamRemoveMemberRequest { JobId = "j1", TeamMemberId = "u1", RoleId = "r9" }, cancellationToken: TestClient.Ct));

        ex.ErrorCode.ShouldBe("hiring_team_role_not_found");
        ex.Endpoint.ShouldBe("hiringTeam.removeMember");
    }

    [Fact]
    public async Task Application_remove_hiring_team_member_posts_its_endpoint()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Member));
        using var client = TestClient.Create(server);

        var removed = await client.Applications.RemoveHiringTeamMemberAsync(new ApplicationRemoveHiringTeamMemberRequest { ApplicationId = "a1", TeamMemberId = "u1", RoleId = "r1" }, cancellationToken: TestClient.Ct);

        removed.Email.ShouldBe("g@example.com");
        server.Requests.Single().Path.ShouldBe("/application.removeHiringTeamMember");
        server.Requests.Single().Body.ShouldBe("""{"applicationId":"a1","teamMemberId":"u1","roleId":"r1"}""");
    }

    [Fact]
    public async Task Application_remove_hiring_team_member_maps_an_unknown_application_to_not_found()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("application_not_found"));
        using var client = TestClient.Create(server);

        await Should.ThrowAsync<AshbyNotFoundException>(() => client.Applications.RemoveHiringTeamMemberAsync(new ApplicationRemoveHiringTeamMemberRequest { ApplicationId = "a9", TeamMemberId = "u1", RoleId = "r1" }, cancellationToken: TestClient.Ct));
    }

    [Fact]
    public async Task Application_hiring_team_roles_are_listed_with_an_empty_body()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""[{"id":"r1","title":"Recruiter"},{"id":"r2","title":"Hiring Manager","brandNew":1}]"""));
        using var client = TestClient.Create(server);

        var roles = await client.ApplicationHiringTeamRoles.ListAsync(cancellationToken: TestClient.Ct);

        roles.Select(r => (r.Id, r.Title)).ShouldBe([("r1", "Recruiter"), ("r2", "Hiring Manager")]);
        roles[1].ExtensionData!.ShouldContainKey("brandNew");
        server.Requests.Single().Path.ShouldBe("/applicationHiringTeamRole.list");
        server.Requests.Single().Body.ShouldBe("{}");
    }

    [Fact]
    public async Task Application_hiring_team_roles_need_candidates_read()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("missing_endpoint_permission", "The API key is missing a required permission", status: 403));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyPermissionException>(() => client.ApplicationHiringTeamRoles.ListAsync(cancellationToken: TestClient.Ct));

        ex.RequiredPermission!.Permission.ShouldBe(AshbyPermissions.CandidatesRead);
    }
}
