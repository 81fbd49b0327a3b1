using Ashbridge.Ashby;
using Ashbridge.Core.Connections;
using Ashbridge.Emulator;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Connections;

/// <summary>An emulator with a full key, a key without the two visibility flags, and a narrow key.</summary>
public sealed class PreflightEmulator : EmulatorFixture
{
    public const string FullKey = "preflight-full";
    public const string NoFlagsKey = "preflight-no-flags";
    public const string NarrowKey = "preflight-narrow";

    protected override IReadOnlyList<EmulatorKey> Keys =>
    [
        EmulatorKey.Full(FullKey),
        new(NoFlagsKey, "Every permission, no flags", EmulatorKey.EveryPermission, AllowConfidential: false, AllowPrivateFields: false),
        new(NarrowKey, "Candidates only", ["apiKeysRead", "candidatesRead"]),
    ];
}

public sealed class PreflightTests(PreflightEmulator emulator) : IClassFixture<PreflightEmulator>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PreflightReport> RunAsync(string key)
    {
        using var client = new AshbyClient(new AshbyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = key });
        return await new Preflight(client, TimeProvider.System).RunAsync(Ct);
    }

    [Fact]
    public async Task A_full_key_reads_every_stream_and_sees_confidential_jobs_and_private_fields()
    {
        var report = await RunAsync(PreflightEmulator.FullKey);

        report.Streams.Select(s => s.Stream).ShouldBe(Mirror.MirrorStreams.All.Select(s => s.Name));
        report.Streams.ShouldAllBe(s => s.State == PermissionState.Granted);
        report.ConfidentialJobs.State.ShouldBe(VisibilityState.Visible);
        report.PrivateFields.State.ShouldBe(VisibilityState.Visible);
    }

    [Fact]
    public async Task A_key_without_the_flags_is_told_what_it_will_miss()
    {
        var report = await RunAsync(PreflightEmulator.NoFlagsKey);

        report.ConfidentialJobs.State.ShouldBe(VisibilityState.NoneVisible);
        report.ConfidentialJobs.Detail.ShouldContain("Allow access to confidential jobs and projects");
        report.PrivateFields.State.ShouldBe(VisibilityState.NoneVisible);
        report.PrivateFields.Detail.ShouldContain("Allow access to non-offer private fields");
    }

    [Fact]
    public async Task A_narrow_key_names_each_skipped_stream_with_its_ashby_module()
    {
        var report = await RunAsync(PreflightEmulator.NarrowKey);

        report.SkippedStreams.Select(s => s.Stream).ShouldBe(
            ["users", "departments", "locations", "hiring_team_roles", "sources", "archive_reasons", "custom_fields", "interview_stages", "jobs", "job_postings", "openings", "offers"]);
        var jobs = report.Streams.Single(s => s.Stream == "jobs");
        (jobs.Permission, jobs.Module).ShouldBe(("jobsRead", "Jobs"));
        report.Streams.Single(s => s.Stream == "candidates").State.ShouldBe(PermissionState.Granted);
        report.ConfidentialJobs.State.ShouldBe(VisibilityState.Unknown);
        report.PrivateFields.State.ShouldBe(VisibilityState.Unknown);
    }

    [Fact]
    public async Task A_wrong_key_fails_the_preflight_without_echoing_the_key()
    {
        var error = await Should.ThrowAsync<AshbyAuthenticationException>(() => RunAsync("not-a-key-at-all"));

        error.Message.ShouldNotContain("not-a-key-at-all");
    }
}
