using Ashbridge.Emulator.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Emulator.Tests.Faults;

public sealed class FaultProfileParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("none")]
    [InlineData(" None ")]
    public void No_profile_or_none_is_a_well_behaved_Ashby(string? text) =>
        FaultProfileParser.Parse(text).ToSpec().ShouldBe("none");

    [Fact]
    public void An_explicit_spec_sets_every_knob()
    {
        var profile = FaultProfileParser.Parse("rate=20/s,5xx=0.05,drop=0.01,latency=5-50ms,dup=0.05,reorder=0.05");

        profile.RatePerSecond.ShouldBe(20);
        profile.EffectiveBurst.ShouldBe(20);
        profile.ServerErrorRate.ShouldBe(0.05);
        profile.DropRate.ShouldBe(0.01);
        profile.LatencyMin.ShouldBe(TimeSpan.FromMilliseconds(5));
        profile.LatencyMax.ShouldBe(TimeSpan.FromMilliseconds(50));
        profile.DuplicateRate.ShouldBe(0.05);
        profile.ReorderRate.ShouldBe(0.05);
        profile.RetryAfterHeader.ShouldBeFalse();
    }

    [Theory]
    [InlineData("flaky", "5xx=0.03,drop=0.01,latency=0-40ms")]
    [InlineData("rate-limited", "rate=5/s,burst=5")]
    [InlineData("chaos", "rate=20/s,5xx=0.05,drop=0.02,latency=5-100ms,dup=0.1,reorder=0.1")]
    [InlineData("flaky,dup=0.1", "5xx=0.03,drop=0.01,latency=0-40ms,dup=0.1")]
    [InlineData("chaos,rate=off,5xx=0", "drop=0.02,latency=5-100ms,dup=0.1,reorder=0.1")]
    [InlineData("rate=600/min,burst=3,retryAfterHeader=true", "rate=10/s,burst=3,retryAfterHeader=true")]
    [InlineData("5xx=5%,latency=0.5-2s", "5xx=0.05,latency=500-2000ms")]
    [InlineData("latency=50ms", "latency=50-50ms")]
    public void Names_expand_and_later_parts_override_earlier_ones(string text, string spec)
    {
        var profile = FaultProfileParser.Parse(text);

        profile.ToSpec().ShouldBe(spec);
        FaultProfileParser.Parse(spec).ShouldBe(profile with { Source = spec });
    }

    [Theory]
    [InlineData("bogus", "'bogus'")]
    [InlineData("flaky,,dup=0.1", "empty part")]
    [InlineData("5xx=2", "'5xx=2'")]
    [InlineData("drop=-0.1", "'drop=-0.1'")]
    [InlineData("dup=", "'dup='")]
    [InlineData("rate=fast", "'rate=fast'")]
    [InlineData("rate=0/s", "'rate=0/s'")]
    [InlineData("burst=0", "'burst=0'")]
    [InlineData("latency=50", "'latency=50'")]
    [InlineData("latency=50-5ms", "'latency=50-5ms'")]
    [InlineData("retryAfterHeader=yes", "'retryAfterHeader=yes'")]
    [InlineData("colour=red", "'colour=red'")]
    public void A_bad_part_fails_with_a_message_naming_it(string text, string named)
    {
        var error = Should.Throw<FormatException>(() => FaultProfileParser.Parse(text));

        error.Message.ShouldContain(named);
        error.Message.ShouldContain($"'{text}'");
    }

    [Fact]
    public void An_invalid_profile_fails_at_registration()
    {
        var services = new ServiceCollection();

        var error = Should.Throw<FormatException>(() => services.AddEmulatorFaults(new EmulatorOptions { FaultProfile = "flaky,jitter=5" }));

        error.Message.ShouldContain("'jitter=5'");
    }
}
