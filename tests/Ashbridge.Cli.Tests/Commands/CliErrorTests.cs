using Ashbridge.Cli.Commands;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary>Bad input and unexpected failures end in one clear message and a distinct exit code, never a stack trace.</summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-cli-errors-").FullName;

    [Fact]
    public async Task A_database_file_in_a_folder_that_does_not_exist_is_refused_and_nothing_is_created()
    {
        var missing = Path.Combine(_folder, "no-such-dir");
        var database = Path.Combine(missing, "x.db");

        var (exitCode, output) = await CliRun.RunAsync("status", "--database", database);

        exitCode.ShouldBe(ExitCodes.DatabaseUnavailable, output);
        output.ShouldContain($"The folder of the database file {database} does not exist");
        output.ShouldContain("Create it first");
        Directory.Exists(missing).ShouldBeFalse("no folder, database or key ring may be created");
        Directory.EnumerateFileSystemEntries(_folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task Exporting_members_to_a_folder_that_does_not_exist_says_so_without_a_stack_trace()
    {
        var target = Path.Combine(_folder, "no-such-dir", "members.csv");

        var (exitCode, output) = await CliRun.RunAsync("members", "export", "--output", target, "--database", Path.Combine(_folder, "hub.db"));

        exitCode.ShouldBe(ExitCodes.CannotWrite, output);
        output.ShouldContain($"Cannot write {target}");
        output.ShouldContain("does not exist");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_error_nothing_else_catches_is_one_line_and_a_nonzero_exit_code()
    {
        // A setting the hub cannot use throws while it starts; nothing between it and the command line catches it.
        var (exitCode, output) = await CliRun.RunAsync(
            "serve", "--database", Path.Combine(_folder, "hub.db"), "--Ashbridge:ForwardedHeaders:KnownProxies=proxy.internal");

        exitCode.ShouldBe(ExitCodes.Unexpected, output);
        output.ShouldContain("ashbridge stopped: Ashbridge:ForwardedHeaders:KnownProxies holds 'proxy.internal', which is not an IP address");
        output.ShouldContain(CliApp.DebugVariable + "=1");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_command_line_that_does_not_parse_exits_with_the_usage_code_not_the_failed_sync_code()
    {
        var (exitCode, _) = await CliRun.RunAsync("status", "--no-such-option");

        exitCode.ShouldBe(ExitCodes.Usage);
        ExitCodes.Usage.ShouldNotBe(SyncCommand.Failed);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
