using System.Net.Http.Json;
using Ashbridge.Emulator;
using Ashbridge.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Ashby.Tests.AgainstEmulator;

/// <summary>An emulator on a fake clock with short cursors and a one-page incremental cap.</summary>
public sealed class StrictEmulator : EmulatorFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected override EmulatorOptions CreateOptions() => new()
    {
        Seed = 12,
        Size = "small",
        TimeProvider = Time,
        CursorLifetime = TimeSpan.FromMinutes(1),
        IncrementalPageCap = 1,
    };

    public AshbyClient Client() => new(new AshbyClientOptions { ApiKey = ApiKey, BaseUrl = BaseUrl, MaxRetries = 0, TimeProvider = Time });
}

/// <summary>The errors after which a sync must restart with a full pass, as the emulator produces them and the client classifies them.</summary>
public sealed class ClientHealingErrorsTests(StrictEmulator emulator) : IClassFixture<StrictEmulator>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expired_cursor_asks_for_a_restart()
    {
        using var client = emulator.Client();
        var first = await client.Candidates.ListAsync(new CandidateListRequest { Limit = 10 }, cancellationToken: Ct);
        first.NextCursor.ShouldNotBeNull();

        emulator.Time.Advance(TimeSpan.FromMinutes(2));

        var error = await Should.ThrowAsync<AshbySyncRestartRequiredException>(
            () => client.Candidates.ListAsync(new CandidateListRequest { Limit = 10, Cursor = first.NextCursor }, cancellationToken: Ct));
        error.ErrorCode.ShouldBe(AshbyErrorCodes.NextCursorExpired);
    }

    [Fact]
    public async Task A_forged_cursor_asks_for_a_restart()
    {
        using var client = emulator.Client();

        var error = await Should.ThrowAsync<AshbySyncRestartRequiredException>(
            () => client.Candidates.ListAsync(new CandidateListRequest { Cursor = "bm90LWEtY3Vyc29y" }, cancellationToken: Ct));
        error.ErrorCode.ShouldBe(AshbyErrorCodes.InvalidNextCursor);
    }

    [Fact]
    public async Task An_incremental_pass_past_the_page_cap_asks_for_a_full_pass()
    {
        using var client = emulator.Client();
        var full = client.Candidates.Sync(null, new CandidateListRequest());
        await foreach (var _ in full.WithCancellation(Ct))
        {
        }

        var candidates = await client.Candidates.EnumerateAsync(cancellationToken: Ct).Take(3).ToListAsync(Ct);
        using (var control = new HttpClient { BaseAddress = emulator.BaseUrl })
        {
            foreach (var candidate in candidates)
            {
                emulator.Time.Advance(TimeSpan.FromSeconds(1));
                using var response = await control.PostAsJsonAsync(new Uri($"_emulator/candidates/{candidate.Id}/edit", UriKind.Relative), new { name = "Edited " + candidate.Id[..8] }, Ct);
                response.EnsureSuccessStatusCode();
            }
        }

        // Three changed rows at one row a page span three pages; the emulator allows one.
        var incremental = client.Candidates.Sync(full.NewSyncToken, new CandidateListRequest { Limit = 1 });
        var error = await Should.ThrowAsync<AshbySyncRestartRequiredException>(async () =>
        {
            await foreach (var _ in incremental.WithCancellation(Ct))
            {
            }
        });
        error.ErrorCode.ShouldBe(AshbyErrorCodes.IncrementalSyncTooLarge);
        incremental.NewSyncToken.ShouldBeNull();
    }
}

/// <summary>An emulator whose fault profile allows two requests a second per key, on a fake clock.</summary>
public sealed class RateLimitedEmulator : EmulatorFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected override EmulatorOptions CreateOptions() => new() { Seed = 13, Size = "small", TimeProvider = Time, FaultProfile = "rate=2/s,burst=2" };
}

public sealed class ClientRateLimitTests(RateLimitedEmulator emulator) : IClassFixture<RateLimitedEmulator>
{
    [Fact]
    public async Task Past_the_key_s_rate_the_client_reports_a_rate_limit_and_recovers_when_time_passes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new AshbyClient(new AshbyClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl, MaxRetries = 0, TimeProvider = emulator.Time });

        await client.ApiKey.InfoAsync(cancellationToken: ct);
        await client.ApiKey.InfoAsync(cancellationToken: ct);
        var limited = await Should.ThrowAsync<AshbyRateLimitedException>(() => client.ApiKey.InfoAsync(cancellationToken: ct));
        limited.ErrorCode.ShouldBe("rate_limit_exceeded");
        limited.IsTransient.ShouldBeTrue();

        emulator.Time.Advance(TimeSpan.FromSeconds(1));

        (await client.ApiKey.InfoAsync(cancellationToken: ct)).Scopes.ShouldNotBeEmpty();
    }
}
