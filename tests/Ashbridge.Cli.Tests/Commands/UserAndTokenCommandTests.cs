using Ashbridge.Cli.Commands;
using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary><c>ashbridge user</c> and <c>ashbridge token</c> in-process, on a SQLite file per test.</summary>
[Collection(StandardInput.Collection)]
public sealed class UserAndTokenCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-access-").FullName;

    private string Database => Path.Combine(_folder, "hub.db");

    private Task<(int ExitCode, string Output)> Run(params string[] args) => CliRun.RunAsync([.. args, "--database", Database]);

    [Fact]
    public async Task An_admin_added_with_a_password_on_stdin_can_sign_in_and_the_password_is_never_printed()
    {
        var (exitCode, output) = await StandardInput.WithAsync("a strong admin password\n", () => Run("user", "add", "--email", "Ops@Example.com", "--admin", "--password-stdin"));

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Added ops@example.com as admin");
        output.ShouldNotContain("a strong admin password");
        await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), TestContext.Current.CancellationToken);
        (await new UserStore(database, TimeProvider.System).VerifyAsync("ops@example.com", "a strong admin password", TestContext.Current.CancellationToken)).ShouldNotBeNull().Role.ShouldBe(UserRole.Admin);
        (await Run("user", "list")).Output.ShouldContain("ops@example.com");
    }

    [Fact]
    public async Task A_short_password_or_a_second_add_is_refused_with_its_reason()
    {
        (await StandardInput.WithAsync("short\n", () => Run("user", "add", "--email", "a@example.com", "--password-stdin"))).ShouldSatisfyAllConditions(
            r => r.ExitCode.ShouldBe(2), r => r.Output.ShouldContain("at least 12 characters"));
        await StandardInput.WithAsync("a long enough password\n", () => Run("user", "add", "--email", "a@example.com", "--password-stdin"));
        (await StandardInput.WithAsync("a long enough password\n", () => Run("user", "add", "--email", "a@example.com", "--password-stdin"))).ExitCode.ShouldBe(UserCommand.Exists);
    }

    [Fact]
    public async Task A_token_is_printed_once_works_and_stops_working_when_revoked()
    {
        await StandardInput.WithAsync("a long enough password\n", () => Run("user", "add", "--email", "bot@example.com", "--password-stdin"));

        var (exitCode, output) = await Run("token", "create", "--user", "bot@example.com", "--name", "nightly export", "--read-only");

        exitCode.ShouldBe(0, output);
        var token = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(TokenStore.Prefix, StringComparison.Ordinal));
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), TestContext.Current.CancellationToken))
        {
            (await new TokenStore(database, TimeProvider.System).ValidateAsync(token, cancellationToken: TestContext.Current.CancellationToken)).ShouldNotBeNull().ReadOnly.ShouldBeTrue();
        }

        var list = (await Run("token", "list")).Output;
        list.ShouldContain("nightly export");
        list.ShouldContain("read-only");
        list.ShouldNotContain(token);
        (await Run("token", "revoke", "1")).ExitCode.ShouldBe(0);
        (await Run("token", "revoke", "1")).ExitCode.ShouldBe(TokenCommand.NotFound);
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), TestContext.Current.CancellationToken))
        {
            (await new TokenStore(database, TimeProvider.System).ValidateAsync(token, cancellationToken: TestContext.Current.CancellationToken)).ShouldBeNull();
        }

        (await Run("token", "create", "--user", "nobody@example.com", "--name", "x")).ExitCode.ShouldBe(TokenCommand.NotFound);
    }

    [Fact]
    public async Task Without_a_terminal_add_says_to_use_password_stdin_instead_of_failing_with_a_stack_trace()
    {
        var (exitCode, output) = await Run("user", "add", "--email", "a@example.com");

        exitCode.ShouldBe(2);
        output.ShouldContain("--password-stdin");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_person_can_be_re_roled_disabled_enabled_reset_and_removed_each_audited_and_the_last_admin_is_kept()
    {
        await StandardInput.WithAsync("a long enough password\n", () => Run("user", "add", "--email", "boss@example.com", "--admin", "--password-stdin"));
        await StandardInput.WithAsync("a long enough password\n", () => Run("user", "add", "--email", "ops@example.com", "--role", "finance", "--password-stdin"));
        var ct = TestContext.Current.CancellationToken;

        async Task<User> OpsAsync()
        {
            await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), ct);
            return (await new UserStore(database, TimeProvider.System).FindAsync("ops@example.com", ct)).ShouldNotBeNull();
        }

        (await OpsAsync()).Role.ShouldBe(UserRole.Finance);
        (await Run("user", "role", "--email", "ops@example.com", "--role", "viewer")).ShouldSatisfyAllConditions(r => r.ExitCode.ShouldBe(0), r => r.Output.ShouldContain("is now viewer"));
        (await OpsAsync()).Role.ShouldBe(UserRole.Viewer);
        (await Run("user", "role", "--email", "ops@example.com", "--role", "7")).ExitCode.ShouldNotBe(0);
        (await Run("user", "disable", "--email", "ops@example.com")).ExitCode.ShouldBe(0);
        (await OpsAsync()).Disabled.ShouldBeTrue();
        (await Run("user", "enable", "--email", "ops@example.com")).ExitCode.ShouldBe(0);
        (await OpsAsync()).Disabled.ShouldBeFalse();
        (await StandardInput.WithAsync("a brand new password\n", () => Run("user", "reset-password", "--email", "ops@example.com", "--password-stdin"))).ExitCode.ShouldBe(0);
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), ct))
        {
            (await new UserStore(database, TimeProvider.System).VerifyAsync("ops@example.com", "a brand new password", ct)).ShouldNotBeNull();
        }

        var refused = await Run("user", "disable", "--email", "boss@example.com");
        refused.ExitCode.ShouldBe(UserCommand.Refused);
        refused.Output.ShouldContain("only active admin");
        (await Run("user", "remove", "--email", "ops@example.com")).ExitCode.ShouldBe(0);
        (await Run("user", "remove", "--email", "ops@example.com")).ExitCode.ShouldNotBe(0);
        await using (var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(Database), ct))
        {
            var actions = (await new AuditLog(database, TimeProvider.System).ListAsync(50, ct)).Where(a => a.Actor == "cli").Select(a => a.Action).ToList();
            actions.ShouldBe(["user.remove", "user.password.reset", "user.enable", "user.disable", "user.role", "user.add", "user.add"]);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>Tests that replace the process's standard input run one at a time.</summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class StandardInput
{
    public const string Collection = "standard input";

    public static async Task<T> WithAsync<T>(string input, Func<Task<T>> run)
    {
        var original = Console.In;
        Console.SetIn(new StringReader(input));
        try
        {
            return await run();
        }
        finally
        {
            Console.SetIn(original);
        }
    }
}
