using System.Text.Json;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge dedupe upload|merge</c> in-process, on a SQLite file per test, against an emulated Ashby: what changed, refusals and their exit codes.</summary>
public sealed class DedupeWriteCommandTests(ConnectionEmulator emulator) : IClassFixture<ConnectionEmulator>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-dedupe-writes-").FullName;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    [Fact]
    public async Task Upload_creates_the_candidate_once_merge_adds_what_is_new_and_refusals_have_their_exit_codes()
    {
        (await Run("connection", "add", "--name", "acme", "--api-key", ConnectionEmulator.FullKey, "--base-url", emulator.BaseUrl.ToString())).ExitCode.ShouldBe(0);
        (await Run("sync", "--connection", "acme")).ExitCode.ShouldBe(0);
        var email = $"wren.{Guid.NewGuid():N}@calloway.example";

        var (uploaded, json) = await Run("dedupe", "upload", "--first-name", "Wren", "--last-name", "Calloway", "--email", email, "--phone", "+1 415 555 0177", "--url", "github.com/wrencalloway", "--json");
        uploaded.ShouldBe(0, json);
        using (var document = JsonDocument.Parse(json))
        {
            var root = document.RootElement;
            var candidateId = root.GetProperty("candidateId").GetString()!;
            root.GetProperty("changes")[0].GetString().ShouldBe($"Created candidate Wren Calloway ({candidateId}) with 1 email, phone +14155550177, 1 link.");
            root.GetProperty("refusal").ValueKind.ShouldBe(JsonValueKind.Null);

            // Ashby has the email now: a second upload is refused, naming the candidate.
            var (again, refused) = await Run("dedupe", "upload", "--first-name", "Wren", "--last-name", "Calloway", "--email", email.ToUpperInvariant());
            again.ShouldBe(8, refused);
            refused.ShouldContain("Already in Ashby.");
            refused.ShouldContain(candidateId);

            var (merged, changes) = await Run("dedupe", "merge", candidateId, "--email", email, "--email", "wren@elsewhere.example", "--phone", "+1 415 555 0100");
            merged.ShouldBe(0, changes);
            changes.ShouldContain($"Merged into candidate {candidateId}.");
            changes.ShouldContain($"Email {email}: already on the candidate.");
            changes.ShouldContain("Added email wren@elsewhere.example.");
            changes.ShouldContain("Not added: phone +14155550100");
        }

        var (invalid, problems) = await Run("dedupe", "upload", "--first-name", "Wren", "--email", "wren@");
        invalid.ShouldBe(2, problems);
        problems.ShouldContain("A last name is required.");
        problems.ShouldContain("'wren@' is not an email address.");
        var (noJob, job) = await Run("dedupe", "upload", "--first-name", "Ivo", "--last-name", "Pell", "--email", "ivo@pell.example", "--job", Guid.NewGuid().ToString());
        noJob.ShouldBe(2, job);
        job.ShouldContain("Job not offered.");
        (await Run("dedupe", "merge", Guid.NewGuid().ToString(), "--email", "ivo@pell.example")).ExitCode.ShouldBe(7);
        (await Run("dedupe", "merge", Guid.NewGuid().ToString())).ExitCode.ShouldBe(2); // nothing to merge
        (await Run("dedupe", "upload", "--connection", "nope", "--first-name", "A", "--last-name", "B", "--email", "a@b.example")).ExitCode.ShouldBe(7);
    }

    [Fact]
    public async Task A_key_without_candidatesWrite_is_refused_before_anything_is_sent()
    {
        (await Run("connection", "add", "--name", "narrow", "--api-key", ConnectionEmulator.CandidatesOnlyKey, "--base-url", emulator.BaseUrl.ToString())).ExitCode.ShouldBe(0);

        var (exitCode, output) = await Run("dedupe", "upload", "--first-name", "Nell", "--last-name", "Orrin", "--email", "nell@orrin.example");

        exitCode.ShouldBe(3, output);
        output.ShouldContain("The API key lacks candidatesWrite.");
        output.ShouldContain("nothing was sent");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
