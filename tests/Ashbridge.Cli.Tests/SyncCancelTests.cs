using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Ashbridge.Emulator;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Cli.Tests;

/// <summary><c>ashbridge sync</c> in a child process, interrupted with Ctrl-C (SIGINT): it says so, says where the next run resumes, and exits 130.</summary>
public sealed class SyncCancelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ctrl_c_during_a_sync_says_it_was_cancelled_and_where_the_next_run_resumes_and_exits_130()
    {
        // Every answer 100 ms late, as a slow network delays Ashby's: the pass then takes many seconds, far longer than
        // it takes the signal to land once the first pages are seen committed, even on a machine busy with the other
        // test projects (there a fast pass had finished first and exited 0).
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = 8, Size = "3000", FaultProfile = "latency=100ms" }, ct: Ct);
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var store = new ConnectionStore(test.Database, SecretProtector.ForDataFolder(test.Location.DataFolder), TimeProvider.System);
        await store.AddAsync("acme", emulator.BaseUrl, emulator.DemoApiKey, Ct);

        var (exitCode, output) = await RunAsync(test, interruptAfterPages: 2);

        exitCode.ShouldBe(ExitCodes.Cancelled, output);
        output = string.Join(' ', output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)); // the console wraps at 80 columns
        output.ShouldContain("Sync of 'acme' cancelled. Every page committed so far is kept");
        output.ShouldContain("the next 'ashbridge sync' continues where this one stopped");
        output.ShouldNotContain("   at ");

        // And it does: the next run finishes.
        var (again, more) = await RunAsync(test, interruptAfterPages: null);
        again.ShouldBe(ExitCodes.Ok, more);
    }

    /// <summary>Runs <c>ashbridge sync --connection acme</c>; sends SIGINT once that many pages are committed.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase test, int? interruptAfterPages)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "ashbridge.dll"), "sync", "--connection", "acme"]) start.ArgumentList.Add(arg);
        start.Environment[DatabaseLocation.EnvironmentVariable] = test.Location.ConnectionString;
        start.Environment[DatabaseLocation.DataFolderVariable] = test.Location.DataFolder;
        InterruptsReachChildren();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        if (interruptAfterPages is { } pages)
        {
            await Eventually.ValueAsync(() => PagesCommittedAsync(test.Database), p => p >= pages || process.HasExited, TimeSpan.FromMinutes(2), "the sync's first pages");
            process.HasExited.ShouldBeFalse("the sync ended before it could be interrupted");
            // Sent directly rather than by starting kill(1): starting a process from a busy test host can take seconds.
            SendInterrupt(process.Id).ShouldBe(0, "kill(2) refused to send SIGINT");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int SendInterrupt(int pid) => Kill(pid, Sigint);

    /// <summary>
    /// A test host started in the background by a shell without job control (<c>bash .ci/run &amp;</c>) inherits SIGINT
    /// ignored, and would pass that on to the CLI, whose runtime then leaves it ignored: Ctrl-C could never reach it.
    /// Restores the default in this process, only when ignored (otherwise the runtime's own handler stays), so the
    /// child starts as a terminal's would.
    /// </summary>
    private static void InterruptsReachChildren()
    {
        var ignored = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        if ((ulong.Parse(ignored, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (Sigint - 1))) != 0) Signal(Sigint, IntPtr.Zero);
    }

    [DllImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static extern IntPtr Signal(int signal, IntPtr handler);

    private const int Sigint = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static async Task<long> PagesCommittedAsync(AshbridgeDatabase database)
    {
        await using var connection = await database.ConnectAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(pages), 0) FROM sync_run_streams");
    }
}
