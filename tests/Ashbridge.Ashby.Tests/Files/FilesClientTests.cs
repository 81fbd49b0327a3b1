namespace Ashbridge.Ashby.Tests.Files;

public class FilesClientTests
{
    [Fact]
    public async Task Info_sends_the_handle_and_reads_the_url()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""{"url":"https://files.example/resume.pdf?sig=abc"}"""));
        using var client = TestClient.Create(server);

        var file = await client.Files.InfoAsync(new FileInfoRequest { FileHandle = "eyJoYW5kbGUiOiJmLTEifQ" }, cancellationToken: TestClient.Ct);

        file.Url.ShouldBe("https://files.example/resume.pdf?sig=abc");
        server.Requests.Single().Path.ShouldBe("/file.info");
        server.Requests.Single().Body.ShouldBe("""{"fileHandle":"eyJoYW5kbGUiOiJmLTEifQ"}""");
    }

    [Fact]
    public async Task Info_maps_a_bad_handle_and_a_missing_permission()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("invalid_input", "Invalid file handle"), Error("missing_endpoint_permission", "Missing candidatesRead", status: 403));
        using var client = TestClient.Create(server);

        await Should.ThrowAsync<AshbyInvalidInputException>(() => client.Files.InfoAsync(new FileInfoRequest { FileHandle = "garbage" }, cancellationToken: TestClient.Ct));
        var ex = await Should.ThrowAsync<AshbyPermissionException>(() => client.Files.InfoAsync(new FileInfoRequest { FileHandle = "h" }, cancellationToken: TestClient.Ct));

        ex.RequiredPermission!.Permission.ShouldBe(AshbyPermissions.CandidatesRead);
    }
}
