namespace Ashbridge.Emulator.Tests.Hosting;

public sealed class EmulatorProgramTests
{
    [Theory]
    [InlineData("--incremental-page-cap", "0")]
    [InlineData("--cursor-lifetime", "00:00:00")]
    [InlineData("--sync-token-lifetime", "-01:00:00")]
    [InlineData("--webhook-time-scale", "0")]
    [InlineData("--size", "huge")]
    public async Task Bad_options_exit_2_before_listening(string option, string value)
    {
        // Bounded: a regression would otherwise start the emulator and wait for Ctrl+C forever.
        var exitCode = await EmulatorProgram.RunAsync([option, value, "--urls", "http://127.0.0.1:0"])
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        exitCode.ShouldBe(2);
    }
}
