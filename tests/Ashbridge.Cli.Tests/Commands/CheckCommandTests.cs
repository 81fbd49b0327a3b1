using System.Text.Json;
using Ashbridge.Emulator;
using Ashbridge.Testing;

namespace Ashbridge.Cli.Tests.Commands;

/// <summary>An emulator whose keys file holds a full key, a read-only key, a key without API Keys read, and a deactivated key.</summary>
public sealed class RestrictedKeysEmulator : EmulatorFixture
{
    public const string FullKey = "full-key-for-check-tests";
    public const string ReadOnlyKey = "read-only-key";
    public const string NoApiKeysReadKey = "no-api-keys-read";
    public const string DeactivatedKey = "deactivated-key";

    protected override EmulatorOptions CreateOptions() => new() { Seed = 3, Size = "small" };

    protected override IReadOnlyList<EmulatorKey> Keys =>
    [
        EmulatorKey.Full(FullKey, "Full"),
        new(ReadOnlyKey, "Reads but no offers", ["apiKeysRead", "candidatesRead", "jobsRead", "organizationRead", "hiringProcessMetadataRead", "interviewsRead"]),
        new(NoApiKeysReadKey, "Cannot read itself", ["candidatesRead", "jobsRead"]),
        new(DeactivatedKey, "Gone", ["apiKeysRead"], Deactivated: true),
    ];
}

public sealed class CheckCommandTests(RestrictedKeysEmulator emulator) : IClassFixture<RestrictedKeysEmulator>
{
    private Task<(int ExitCode, string Output)> Check(string key, params string[] more) =>
        CliRun.RunAsync(["check", "--api-key", key, "--base-url", emulator.BaseUrl.ToString(), .. more]);

    [Fact]
    public async Task A_full_key_is_ready_for_every_feature()
    {
        var (exitCode, output) = await Check(RestrictedKeysEmulator.FullKey, "--json");

        exitCode.ShouldBe(0);
        using var report = JsonDocument.Parse(output);
        report.RootElement.GetProperty("keyTitle").GetString().ShouldBe("Full");
        report.RootElement.GetProperty("scopesSource").GetString().ShouldBe("apiKey.info");
        report.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => !f.GetProperty("ready").GetBoolean())
            .Select(f => f.GetProperty("name").GetString())
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task A_key_without_offers_names_the_missing_permission_per_feature()
    {
        var (exitCode, output) = await Check(RestrictedKeysEmulator.ReadOnlyKey, "--json");

        exitCode.ShouldBe(0);
        using var report = JsonDocument.Parse(output);
        var features = report.RootElement.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList());
        features["New hires"].ShouldBe(["offersRead"]);
        features["Open roles"].ShouldBeEmpty();
        features["Dedupe and upload"].ShouldBe(["candidatesWrite"]);
        features["Webhook registration"].ShouldBe(["apiKeysWrite"]);
    }

    [Fact]
    public async Task Every_feature_reads_on_for_a_full_key_and_blocked_for_a_key_without_its_permissions()
    {
        var (exitCode, table) = await Check(RestrictedKeysEmulator.FullKey);
        var (_, json) = await Check(RestrictedKeysEmulator.FullKey, "--json");

        exitCode.ShouldBe(0);
        table.ShouldNotContain("not built yet", Case.Insensitive);
        using var report = JsonDocument.Parse(json);
        var availability = report.RootElement.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("availability").GetString());
        availability["New hires"].ShouldBe("on");
        availability["Open roles"].ShouldBe("on");
        availability["Dedupe and upload"].ShouldBe("on");
        availability["Hired-applicant exports"].ShouldBe("on");
        availability["User directory and hiring teams"].ShouldBe("on");

        // A feature the key cannot serve is blocked, naming what it lacks.
        var (_, limited) = await Check(RestrictedKeysEmulator.ReadOnlyKey, "--json");
        using var limitedReport = JsonDocument.Parse(limited);
        var limitedAvailability = limitedReport.RootElement.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("availability").GetString());
        limitedAvailability["New hires"].ShouldBe("blocked");
        limitedAvailability["Hired-applicant exports"].ShouldBe("blocked");
        limitedAvailability["User directory and hiring teams"].ShouldBe("blocked");
        limitedAvailability["Dedupe and upload"].ShouldBe("blocked");
    }

    [Fact]
    public async Task The_table_tells_the_admin_what_to_enable()
    {
        var (exitCode, output) = await Check(RestrictedKeysEmulator.ReadOnlyKey);

        exitCode.ShouldBe(0);
        output.ShouldContain("Reads but no offers");
        output.ShouldContain("missing Offers read (offersRead)");
        output.ShouldContain("Ashby Admin › Integrations › API Keys");
    }

    [Fact]
    public async Task A_key_that_cannot_read_its_scopes_is_probed_for_reads()
    {
        var (exitCode, output) = await Check(RestrictedKeysEmulator.NoApiKeysReadKey, "--json");

        exitCode.ShouldBe(0);
        using var report = JsonDocument.Parse(output);
        report.RootElement.GetProperty("scopesSource").GetString()!.ShouldStartWith("probing");
        var states = report.RootElement.GetProperty("permissions").EnumerateArray()
            .ToDictionary(p => p.GetProperty("permission").GetString()!, p => p.GetProperty("state").GetString());
        states["candidatesRead"].ShouldBe("Granted");
        states["jobsRead"].ShouldBe("Granted");
        states["offersRead"].ShouldBe("Missing");
        states["apiKeysRead"].ShouldBe("Missing");
        states["candidatesWrite"].ShouldBe("Unknown");
    }

    [Theory]
    [InlineData(RestrictedKeysEmulator.DeactivatedKey)]
    [InlineData("no-such-key")]
    public async Task A_refused_key_exits_3_without_printing_the_key(string key)
    {
        var (exitCode, output) = await Check(key);

        exitCode.ShouldBe(3);
        output.ShouldContain("Ashby refused the key");
        output.ShouldNotContain(key);
    }

    [Fact]
    public async Task A_bad_base_url_is_rejected_before_any_call()
    {
        var (exitCode, output) = await CliRun.RunAsync("check", "--api-key", "k", "--base-url", "ftp://example");

        exitCode.ShouldBe(2);
        output.ShouldContain("is not an http(s) URL");
    }
}
