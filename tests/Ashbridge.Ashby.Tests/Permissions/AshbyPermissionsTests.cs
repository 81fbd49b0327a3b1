namespace Ashbridge.Ashby.Tests.Permissions;

public class AshbyPermissionsTests
{
    [Theory]
    [InlineData("candidate.list", "candidatesRead", "candidates:read", "Candidates", false)]
    [InlineData("candidate.create", "candidatesWrite", "candidates:write", "Candidates", true)]
    [InlineData("application.changeStage", "candidatesWrite", "candidates:write", "Candidates", true)]
    [InlineData("application.addHiringTeamMember", "candidatesWrite", "candidates:write", "Candidates", true)]
    [InlineData("job.list", "jobsRead", "jobs:read", "Jobs", false)]
    [InlineData("jobPosting.info", "jobsRead", "jobs:read", "Jobs", false)]
    [InlineData("opening.list", "jobsRead", "jobs:read", "Jobs", false)]
    [InlineData("interviewStage.list", "interviewsRead", "interviews:read", "Interviews", false)]
    [InlineData("source.list", "hiringProcessMetadataRead", "hiringProcessMetadata:read", "Hiring Process Metadata", false)]
    [InlineData("customField.list", "hiringProcessMetadataRead", "hiringProcessMetadata:read", "Hiring Process Metadata", false)]
    [InlineData("user.list", "organizationRead", "organization:read", "Organization", false)]
    [InlineData("hiringTeam.addMember", "organizationWrite", "organization:write", "Organization", true)]
    [InlineData("offer.info", "offersRead", "offers:read", "Offers", false)]
    [InlineData("apiKey.info", "apiKeysRead", "apiKeys:read", "API Keys", false)]
    [InlineData("webhook.create", "apiKeysWrite", "apiKeys:write", "API Keys", true)]
    [InlineData("candidate.removeTag", "candidatesWrite", "candidates:write", "Candidates", true)]
    [InlineData("applicationHiringTeamRole.list", "candidatesRead", "candidates:read", "Candidates", false)]
    [InlineData("customField.setValues", "candidatesWrite", "candidates:write", "Candidates", true)]
    [InlineData("file.info", "candidatesRead", "candidates:read", "Candidates", false)]
    [InlineData("hiringTeam.removeMember", "organizationWrite", "organization:write", "Organization", true)]
    [InlineData("opening.search", "jobsRead", "jobs:read", "Jobs", false)]
    public void The_table_maps_endpoints_to_permission_scope_and_module(string endpoint, string permission, string scope, string module, bool isWrite)
    {
        AshbyPermissions.ForEndpoint(endpoint).ShouldBe(new AshbyPermissionRequirement(endpoint, permission, scope, module, isWrite));
    }

    [Fact]
    public void Every_endpoint_the_client_calls_is_in_the_table()
    {
        var endpoints = typeof(AshbyEndpoints).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        endpoints.Count.ShouldBeGreaterThan(30);
        endpoints.Where(e => AshbyPermissions.ForEndpoint(e) is null).ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_endpoints_are_not_in_the_table()
    {
        AshbyPermissions.ForEndpoint("report.generate").ShouldBeNull();
    }

    [Fact]
    public void Describe_reads_like_advice()
    {
        AshbyPermissions.ForEndpoint("offer.list")!.Describe().ShouldBe("the Offers read permission (offersRead)");
        AshbyPermissions.ToScope(AshbyPermissions.OrganizationWrite).ShouldBe("organization:write");
        AshbyPermissions.ToModule(AshbyPermissions.HiringProcessMetadataRead).ShouldBe("Hiring Process Metadata");
        AshbyPermissions.ToScope("nonsense").ShouldBeNull();
    }
}
