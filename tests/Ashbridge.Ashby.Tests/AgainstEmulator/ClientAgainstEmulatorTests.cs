using Ashbridge.Ashby.Webhooks;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Emulator;
using Ashbridge.Testing;

namespace Ashbridge.Ashby.Tests.AgainstEmulator;

/// <summary>An emulator with a second, restricted key beside the full one.</summary>
public sealed class EmulatorWithKeys : EmulatorFixture
{
    public const string FullKey = "client-suite-full-key";
    public const string CandidatesOnlyKey = "client-suite-candidates-only";

    protected override EmulatorOptions CreateOptions() => new() { Seed = 11, Size = "small" };

    protected override IReadOnlyList<EmulatorKey> Keys =>
    [
        EmulatorKey.Full(FullKey, "Full"),
        new(CandidatesOnlyKey, "Candidates only", ["candidatesRead"]),
    ];

    public AshbyClient Client(string? key = null) => new(new AshbyClientOptions { ApiKey = key ?? FullKey, BaseUrl = BaseUrl, MaxRetries = 0 });

    /// <summary>Calls the emulator's control API (no Ashby auth) and returns its JSON answer.</summary>
    public async Task<JsonElement> ControlAsync(string path, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        using var response = await http.PostAsJsonAsync(new Uri("_emulator/" + path, UriKind.Relative), body ?? new { });
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>The client, written from Ashby's docs, against the emulator, written from the same docs: they must agree.</summary>
public sealed class ClientAgainstEmulatorTests(EmulatorWithKeys emulator) : IClassFixture<EmulatorWithKeys>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_candidate_is_listed_once_across_pages()
    {
        using var client = emulator.Client();
        var pages = 0;
        var ids = new List<string>();
        await foreach (var page in client.Candidates.EnumeratePagesAsync(new CandidateListRequest { Limit = 37 }, cancellationToken: Ct))
        {
            pages++;
            page.Results.Count.ShouldBeLessThanOrEqualTo(37);
            ids.AddRange(page.Results.Select(c => c.Id));
        }

        pages.ShouldBeGreaterThan(1);
        ids.Count.ShouldBe(ids.Distinct().Count());
        var streamed = await client.Candidates.EnumerateAsync(cancellationToken: Ct).CountAsync(Ct);
        streamed.ShouldBe(ids.Count);
    }

    [Fact]
    public async Task Every_list_the_mirror_needs_parses_into_typed_models()
    {
        using var client = emulator.Client();

        (await client.Applications.EnumerateAsync(cancellationToken: Ct).CountAsync(Ct)).ShouldBeGreaterThan(0);
        var jobs = await client.Jobs.EnumerateAsync(new JobListRequest { Status = ["Draft", "Open", "Closed", "Archived"] }, cancellationToken: Ct).ToListAsync(Ct);
        jobs.Select(j => j.Status).Distinct().Count().ShouldBe(4);
        (await client.JobPostings.ListAsync(cancellationToken: Ct)).Count.ShouldBeGreaterThan(0);
        (await client.Openings.EnumerateAsync(cancellationToken: Ct).CountAsync(Ct)).ShouldBeGreaterThan(0);
        (await client.Departments.EnumerateAsync(cancellationToken: Ct).CountAsync(Ct)).ShouldBeGreaterThan(0);
        (await client.Locations.EnumerateAsync(cancellationToken: Ct).CountAsync(Ct)).ShouldBeGreaterThan(0);
        var offers = await client.Offers.EnumerateAsync(cancellationToken: Ct).ToListAsync(Ct);
        offers.ShouldContain(o => o.LatestVersion != null && o.LatestVersion.Salary != null);
        (await client.CustomFields.EnumerateAsync(cancellationToken: Ct).CountAsync(Ct)).ShouldBeGreaterThan(0);
        (await client.Users.EnumerateAsync(cancellationToken: Ct).CountAsync(Ct)).ShouldBeGreaterThan(0);
        (await client.Sources.ListAsync(cancellationToken: Ct)).Count.ShouldBeGreaterThan(0);
        (await client.ArchiveReasons.ListAsync(cancellationToken: Ct)).Count.ShouldBeGreaterThan(0);
        (await client.HiringTeamRoles.ListAsync(cancellationToken: Ct)).Count.ShouldBeGreaterThan(0);
        var planId = jobs.First(j => j.DefaultInterviewPlanId != null).DefaultInterviewPlanId!;
        (await client.InterviewStages.ListAsync(new InterviewStageListRequest { InterviewPlanId = planId }, cancellationToken: Ct)).Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_incremental_pass_returns_exactly_what_changed_and_a_new_token_after_its_last_page()
    {
        using var client = emulator.Client();
        var full = client.Candidates.Sync(null, new CandidateListRequest());
        var fullCount = 0;
        await foreach (var page in full.WithCancellation(Ct))
        {
            if (page.MoreDataAvailable)
            {
                full.NewSyncToken.ShouldBeNull();
            }

            fullCount += page.Results.Count;
        }

        full.IsComplete.ShouldBeTrue();
        full.NewSyncToken.ShouldNotBeNullOrEmpty();
        var edited = await client.Candidates.EnumerateAsync(cancellationToken: Ct).Skip(5).FirstAsync(Ct);
        await emulator.ControlAsync($"candidates/{edited.Id}/edit", new { name = "Renamed By Test" });

        var incremental = client.Candidates.Sync(full.NewSyncToken, new CandidateListRequest());
        var changed = new List<Candidate>();
        await foreach (var page in incremental.WithCancellation(Ct))
        {
            changed.AddRange(page.Results);
        }

        changed.Select(c => c.Id).ShouldBe([edited.Id]);
        changed[0].Name.ShouldBe("Renamed By Test");
        incremental.NewSyncToken.ShouldNotBeNullOrEmpty();
        fullCount.ShouldBeGreaterThan(changed.Count);
    }

    [Fact]
    public async Task Garbage_and_expired_tokens_ask_for_a_full_pass()
    {
        using var client = emulator.Client();
        var garbage = await Should.ThrowAsync<AshbySyncRestartRequiredException>(
            () => client.Departments.ListAsync(new DepartmentListRequest { SyncToken = "not-a-token" }, cancellationToken: Ct));
        garbage.ErrorCode.ShouldBe(AshbyErrorCodes.SyncTokenInvalid);

        var token = (await client.Departments.ListAsync(cancellationToken: Ct)).SyncToken;
        token.ShouldNotBeNull();
        await emulator.ControlAsync("tokens/expire");
        var expired = await Should.ThrowAsync<AshbySyncRestartRequiredException>(
            () => client.Departments.ListAsync(new DepartmentListRequest { SyncToken = token }, cancellationToken: Ct));
        expired.ErrorCode.ShouldBe(AshbyErrorCodes.SyncTokenExpired);
    }

    [Fact]
    public async Task Refused_keys_and_missing_permissions_are_told_apart()
    {
        using var wrong = emulator.Client("no-such-key");
        using var limited = emulator.Client(EmulatorWithKeys.CandidatesOnlyKey);

        var refused = await Should.ThrowAsync<AshbyAuthenticationException>(() => wrong.Candidates.ListAsync(cancellationToken: Ct));
        refused.IsKeyMissing.ShouldBeFalse();
        // An empty key never reaches Ashby: the client refuses it with a message saying where to get one.
        Should.Throw<ArgumentException>(() => new AshbyClient(new AshbyClientOptions { ApiKey = "", BaseUrl = emulator.BaseUrl })).Message.ShouldContain("API keys");
        (await limited.Candidates.ListAsync(cancellationToken: Ct)).Results.ShouldNotBeEmpty();
        var permission = await Should.ThrowAsync<AshbyPermissionException>(() => limited.Offers.ListAsync(cancellationToken: Ct));
        permission.Endpoint.ShouldBe("offer.list");
        permission.RequiredPermission!.Permission.ShouldBe(AshbyPermissions.OffersRead);
    }

    [Fact]
    public async Task Unknown_ids_and_invalid_input_surface_as_their_own_exceptions()
    {
        using var client = emulator.Client();

        await Should.ThrowAsync<AshbyNotFoundException>(() => client.Candidates.InfoAsync(new CandidateInfoRequest { Id = Guid.NewGuid().ToString() }, cancellationToken: Ct));
        var application = await client.Applications.EnumerateAsync(new ApplicationListRequest { Status = "Active" }, cancellationToken: Ct).FirstAsync(Ct);
        var plan = (await client.Jobs.InfoAsync(new JobInfoRequest { Id = application.Job.Id }, cancellationToken: Ct)).DefaultInterviewPlanId!;
        var archived = (await client.InterviewStages.ListAsync(new InterviewStageListRequest { InterviewPlanId = plan }, cancellationToken: Ct)).First(s => s.Type == "Archived");

        // Moving to an Archived stage without an archive reason is invalid input in Ashby.
        var invalid = await Should.ThrowAsync<AshbyApiException>(() => client.Applications.ChangeStageAsync(
            new ApplicationChangeStageRequest { ApplicationId = application.Id, InterviewStageId = archived.Id }, cancellationToken: Ct));
        invalid.ErrorCode.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_created_candidate_is_a_lead_found_by_search()
    {
        using var client = emulator.Client();
        var email = $"prospect-{Guid.NewGuid():n}@example.com";

        var created = await client.Candidates.CreateAsync(new CandidateCreateRequest { Name = "Pat Prospect", Email = email }, cancellationToken: Ct);

        created.Name.ShouldBe("Pat Prospect");
        var found = await client.Candidates.SearchAsync(new CandidateSearchRequest { Email = email }, cancellationToken: Ct);
        found.Select(c => c.Id).ShouldBe([created.Id]);
        var info = await client.Candidates.InfoAsync(new CandidateInfoRequest { Id = created.Id }, cancellationToken: Ct);
        info.PrimaryEmailAddress!.Value.ShouldBe(email);
    }

    [Fact]
    public async Task A_hire_arrives_as_signed_webhooks_sharing_one_action_id()
    {
        using var client = emulator.Client();
        await using var receiver = await WebhookReceiver.StartAsync();
        const string secret = "test-secret-for-hires";
        var settings = new List<string>();
        foreach (var type in new[] { AshbyWebhookTypes.CandidateHire, AshbyWebhookTypes.ApplicationUpdate })
        {
            var setting = await client.Webhooks.CreateAsync(new WebhookCreateRequest { WebhookType = type, RequestUrl = receiver.Url(), SecretToken = secret }, cancellationToken: Ct);
            setting.Enabled.ShouldBeTrue();
            settings.Add(setting.Id);
        }

        var application = await client.Applications.EnumerateAsync(new ApplicationListRequest { Status = "Active" }, cancellationToken: Ct).FirstAsync(Ct);
        await emulator.ControlAsync($"applications/{application.Id}/hire", new { startDate = "2027-02-01", salary = 123456, currencyCode = "EUR" });
        await emulator.ControlAsync("webhooks/flush");

        // Deliveries run concurrently, so their order is not part of the contract.
        var deliveries = receiver.Deliveries().Select(d => (d.Body, Signature: d.Header("Ashby-Signature"), Event: AshbyWebhookEvent.Parse(d.Body))).ToList();
        var hire = deliveries.Single(d => d.Event.Action == AshbyWebhookTypes.CandidateHire);
        var update = deliveries.Single(d => d.Event.Action == AshbyWebhookTypes.ApplicationUpdate);
        AshbyWebhookSignature.Verify(hire.Body, hire.Signature, secret).ShouldBe(AshbyWebhookSignatureResult.Valid);
        AshbyWebhookSignature.Verify(update.Body, update.Signature, secret).ShouldBe(AshbyWebhookSignatureResult.Valid);
        AshbyWebhookSignature.Verify(hire.Body, hire.Signature, "another-secret").ShouldBe(AshbyWebhookSignatureResult.Mismatch);
        hire.Event.WebhookActionId.ShouldBe(update.Event.WebhookActionId);
        update.Event.GetApplication().Id.ShouldBe(application.Id);
        hire.Event.GetApplication().Status.ShouldBe("Hired");
        var offer = hire.Event.GetOffer();
        offer.ShouldNotBeNull();
        offer.LatestVersion!.Salary!.CurrencyCode.ShouldBe("EUR");

        foreach (var id in settings)
        {
            (await client.Webhooks.DeleteAsync(new WebhookDeleteRequest { WebhookId = id }, cancellationToken: Ct)).WebhookId.ShouldBe(id);
        }
    }
}
