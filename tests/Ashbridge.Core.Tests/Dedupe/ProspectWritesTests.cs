using System.Text.Json.Nodes;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Dedupe;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.Dedupe;

/// <summary>Merge and upload against the emulator, each write confirmed live first; on both databases.</summary>
public sealed class ProspectWritesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_without_a_job_creates_the_candidate_with_its_details_tags_source_and_credit(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var tagId = await FirstIdAsync(h, "candidateTag.list");
        var sourceId = await FirstIdAsync(h, "source.list");
        var userId = await FirstIdAsync(h, "user.list");
        (await h.Writes.TagsAsync(h.ConnectionId, Ct)).ShouldContain(t => t.Id == tagId);
        var prospect = new DuplicateProspect("Quillon", "Vexmarsh", ["Quillon.Vexmarsh@Example.org", "qv@vexmarsh.dev"], ["(415) 555-0142"],
            ["uk.linkedin.com/in/quillon-vexmarsh", "https://github.com/qvex", "vexmarsh.dev"]);

        var outcome = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(prospect, SourceId: sourceId, CreditedToUserId: userId, TagIds: [tagId], Actor: "sourcer@hub"), Ct);

        outcome.Succeeded.ShouldBeTrue(outcome.Refusal?.Detail);
        outcome.ApplicationId.ShouldBeNull();
        outcome.Changes[0].ShouldStartWith($"Created candidate Quillon Vexmarsh ({outcome.CandidateId}) with 2 emails, phone +14155550142, 3 links.");
        var live = await h.AshbyAsync("candidate.info", new JsonObject { ["id"] = outcome.CandidateId });
        live["name"]!.GetValue<string>().ShouldBe("Quillon Vexmarsh");
        live["primaryEmailAddress"]!["value"]!.GetValue<string>().ShouldBe("quillon.vexmarsh@example.org");
        Values(live, "emailAddresses", "value").ShouldBe(["qv@vexmarsh.dev", "quillon.vexmarsh@example.org"], ignoreOrder: true);
        Values(live, "phoneNumbers", "value").ShouldBe(["+14155550142"]);
        Values(live, "socialLinks", "url").ShouldBe(["https://uk.linkedin.com/in/quillon-vexmarsh", "https://github.com/qvex", "https://vexmarsh.dev"], ignoreOrder: true);
        Values(live, "tags", "id").ShouldBe([tagId]);
        live["source"]!["id"]!.GetValue<string>().ShouldBe(sourceId);
        live["creditedToUser"]!["id"]!.GetValue<string>().ShouldBe(userId);

        var entry = (await h.Audit.ListAsync(10, Ct)).ShouldHaveSingleItem();
        (entry.Actor, entry.Action, entry.Target).ShouldBe(("sourcer@hub", "dedupe.upload", $"acme/{outcome.CandidateId}"));
        h.Schedule.Passes.ShouldBe([(h.ConnectionId, SyncMode.Incremental)]);

        // The pass the write queued brings it into the mirror, and the check finds it.
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        (await h.CheckAsync(new(Emails: ["qv@vexmarsh.dev"]))).ShouldHaveSingleItem().CandidateId.ShouldBe(outcome.CandidateId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_with_a_job_lands_in_the_jobs_first_Lead_stage(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var jobId = await CreateJobAsync(h, "Ferrier of Lanterns");

        var outcome = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Oriel", "Banwick", ["oriel@banwick.example"]), JobId: jobId), Ct);

        outcome.Succeeded.ShouldBeTrue(outcome.Refusal?.Detail);
        outcome.ApplicationId.ShouldNotBeNull();
        var application = await h.AshbyAsync("application.info", new JsonObject { ["applicationId"] = outcome.ApplicationId });
        application["candidate"]!["id"]!.GetValue<string>().ShouldBe(outcome.CandidateId);
        application["job"]!["id"]!.GetValue<string>().ShouldBe(jobId);
        application["status"]!.GetValue<string>().ShouldBe("Lead");
        var stage = application["currentInterviewStage"]!;
        stage["type"]!.GetValue<string>().ShouldBe("Lead");
        stage["orderInInterviewPlan"]!.GetValue<int>().ShouldBe(FirstLeadOrder(await h.AshbyAsync("interviewStage.list", new JsonObject { ["interviewPlanId"] = stage["interviewPlanId"]!.GetValue<string>() })));
        outcome.Changes.ShouldContain($"Applied to Ferrier of Lanterns ({outcome.ApplicationId}), in stage {stage["title"]!.GetValue<string>()}.");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_is_refused_when_Ashby_has_the_email_though_the_mirror_does_not_yet(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        // Added in Ashby after the mirror's last pass: the mirror (and so the check) does not know it.
        var created = await h.AshbyAsync("candidate.create", new JsonObject { ["name"] = "Tamsin Orrery", ["email"] = "tamsin@orrery.example" });
        (await h.CheckAsync(new("Tamsin", "Orrery", ["tamsin@orrery.example"]))).ShouldBeEmpty();

        var outcome = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Tamsin", "Orrery", ["other@orrery.example", "TAMSIN@orrery.example"])), Ct);

        outcome.Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.AlreadyInAshby);
        outcome.Refusal.CandidateId.ShouldBe(created["id"]!.GetValue<string>());
        outcome.Refusal.Detail.ShouldContain("tamsin@orrery.example");
        (await SearchAsync(h, "other@orrery.example")).ShouldBeEmpty();
        (await h.Audit.ListAsync(10, Ct)).ShouldBeEmpty();

        // A re-run of an upload that went through (a batch after a crash) finds the candidate it made and makes none.
        var first = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Ysolde", "Karrow", ["ysolde@karrow.example"])), Ct);
        var again = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Ysolde", "Karrow", ["ysolde@karrow.example"])), Ct);
        first.Succeeded.ShouldBeTrue();
        again.Refusal.ShouldNotBeNull().CandidateId.ShouldBe(first.CandidateId);
        (await SearchAsync(h, "ysolde@karrow.example")).Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_uploads_say_every_problem_and_send_nothing(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);

        var outcome = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new(" ", null, ["not-an-email"], ["12"]), TagIds: [""]), Ct);
        outcome.Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.Invalid);
        outcome.Refusal.Detail.ShouldContain("A first name is required.");
        outcome.Refusal.Detail.ShouldContain("A last name is required.");
        outcome.Refusal.Detail.ShouldContain("'not-an-email' is not an email address.");
        outcome.Refusal.Detail.ShouldContain("'12' is not a phone number");
        outcome.Refusal.Detail.ShouldContain("A tag id is empty.");

        var noEmail = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Ada", "Quennell", Phones: ["+1 415 555 0100"])), Ct);
        noEmail.Refusal.ShouldNotBeNull().Detail.ShouldStartWith("An email is required");

        var badSource = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Ada", "Quennell", ["ada@quennell.example"]), SourceId: Guid.NewGuid().ToString()), Ct);
        badSource.Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.Invalid);
        badSource.Refusal.Detail.ShouldStartWith("There is no source");
        (await SearchAsync(h, "ada@quennell.example")).ShouldBeEmpty();

        var merge = await h.Writes.MergeAsync(h.ConnectionId, new ProspectMerge("", new()), Ct);
        merge.Refusal.ShouldNotBeNull().Detail.ShouldContain("Say which candidate to merge into");
        (await h.Writes.UploadAsync(987654, new ProspectUpload(new("A", "B", ["a@b.example"])), Ct)).Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.ConnectionNotFound);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confidential_and_closed_jobs_are_not_offered_unless_the_settings_offer_confidential_ones(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var open = await CreateJobAsync(h, "Open Cartographer");
        var secret = await CreateJobAsync(h, "Secret Cartographer", confidential: true);
        var closed = await CreateJobAsync(h, "Closed Cartographer");
        await h.Webhooks.ControlAsync($"jobs/{closed}/close");
        await h.Webhooks.SyncAsync(SyncMode.Incremental);

        var choices = await h.Writes.ChoicesAsync(h.ConnectionId, Ct);
        choices.DefaultRegion.ShouldBe("US");
        choices.OfferConfidentialJobs.ShouldBeFalse();
        choices.MissingPermissions.ShouldBeEmpty();
        choices.Jobs.ShouldContain(j => j.Id == open);
        choices.Jobs.ShouldNotContain(j => j.Id == secret || j.Id == closed);
        choices.Jobs.ShouldAllBe(j => !j.Confidential);
        choices.Sources.ShouldNotBeNull().ShouldNotBeEmpty();
        choices.Users.ShouldNotBeNull().ShouldNotBeEmpty();

        async Task<ProspectWriteOutcome> Upload(string email, string job) => await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Perrin", "Ashgrove", [email]), JobId: job), Ct);
        var refused = await Upload("perrin1@ashgrove.example", secret);
        refused.Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.JobNotOffered);
        refused.Refusal.Detail.ShouldContain("Secret Cartographer is confidential");
        (await Upload("perrin2@ashgrove.example", closed)).Refusal.ShouldNotBeNull().Detail.ShouldContain("Closed Cartographer is closed");
        (await Upload("perrin3@ashgrove.example", Guid.NewGuid().ToString())).Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.JobNotOffered);
        (await SearchAsync(h, "perrin1@ashgrove.example")).ShouldBeEmpty();

        await h.Settings.SaveAsync(h.ConnectionId, new DedupeSettings("gb", true), "admin@hub", Ct);
        choices = await h.Writes.ChoicesAsync(h.ConnectionId, Ct);
        (choices.DefaultRegion, choices.OfferConfidentialJobs).ShouldBe(("GB", true));
        choices.Jobs.ShouldContain(j => j.Id == secret && j.Confidential);
        var allowed = await Upload("perrin4@ashgrove.example", secret);
        allowed.Succeeded.ShouldBeTrue(allowed.Refusal?.Detail);
        allowed.ApplicationId.ShouldNotBeNull();
        (await h.Audit.ListAsync(10, Ct)).Select(e => e.Action).ShouldBe(["dedupe.upload", "dedupe.settings"]);
        await Should.ThrowAsync<ArgumentException>(() => h.Settings.SaveAsync(h.ConnectionId, new DedupeSettings("XX", false), "admin@hub", Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Phones_without_a_country_code_are_read_in_the_connections_region(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        await h.Settings.SaveAsync(h.ConnectionId, new DedupeSettings("GB", false), "admin@hub", Ct);

        var outcome = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Briar", "Lowenthal", ["briar@lowenthal.example"], ["020 7946 0018"])), Ct);

        outcome.Succeeded.ShouldBeTrue(outcome.Refusal?.Detail);
        Values(await h.AshbyAsync("candidate.info", new JsonObject { ["id"] = outcome.CandidateId }), "phoneNumbers", "value").ShouldBe(["+442079460018"]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Merge_adds_only_what_the_candidate_lacks_and_keeps_what_it_has(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var id = await h.CreateCandidateAsync(new JsonObject
        {
            ["name"] = "Corwen Halloway", ["email"] = "corwen.halloway@gmail.com", ["phoneNumber"] = "+14155550111", ["linkedInUrl"] = "https://www.linkedin.com/in/corwen-halloway",
        });
        var tag = (await h.AshbyAsync("candidateTag.list", new JsonObject())).AsArray()[0]!;
        var tagId = tag["id"]!.GetValue<string>();
        var prospect = new DuplicateProspect("Corwen", "Halloway",
            ["CorwenHalloway+jobs@gmail.com", "corwen@halloway.dev"], ["(415) 555-0111", "+1 415 555 0199"],
            ["linkedin.com/in/corwen-h-2", "linkedin.com/in/Corwen-Halloway/", "halloway.dev"]);

        var outcome = await h.Writes.MergeAsync(h.ConnectionId, new ProspectMerge(id, prospect, TagIds: [tagId], Actor: "sourcer@hub"), Ct);

        outcome.Succeeded.ShouldBeTrue(outcome.Refusal?.Detail);
        outcome.CandidateId.ShouldBe(id);
        outcome.Changes.ShouldBe([
            "Email corwenhalloway+jobs@gmail.com: already on the candidate.",
            "Added email corwen@halloway.dev.",
            "Phone +14155550111: already on the candidate.",
            "Not added: phone +14155550199 (the candidate has a phone; Ashby's update would make the new one primary, so it is left to a person).",
            "Not added: LinkedIn linkedin.com/in/corwen-h-2 (the candidate already has another LinkedIn profile; a second one is more likely someone else's).",
            "LinkedIn linkedin.com/in/Corwen-Halloway/: already on the candidate.",
            "Added website https://halloway.dev.",
            $"Tagged {tag["title"]!.GetValue<string>()}.",
        ]);
        var live = await h.AshbyAsync("candidate.info", new JsonObject { ["id"] = id });
        live["name"]!.GetValue<string>().ShouldBe("Corwen Halloway");
        live["primaryEmailAddress"]!["value"]!.GetValue<string>().ShouldBe("corwen.halloway@gmail.com");
        Values(live, "emailAddresses", "value").ShouldBe(["corwen.halloway@gmail.com", "corwen@halloway.dev"], ignoreOrder: true);
        live["primaryPhoneNumber"]!["value"]!.GetValue<string>().ShouldBe("+14155550111");
        Values(live, "phoneNumbers", "value").ShouldBe(["+14155550111"]);
        Values(live, "socialLinks", "url").ShouldBe(["https://www.linkedin.com/in/corwen-halloway", "https://halloway.dev"], ignoreOrder: true);
        Values(live, "tags", "id").ShouldBe([tagId]);
        (await h.Audit.ListAsync(10, Ct)).ShouldHaveSingleItem().Action.ShouldBe("dedupe.merge");

        // Applied to a job once; a second merge with the same job says the application is there and adds nothing.
        var jobId = await CreateJobAsync(h, "Keeper of Bells");
        var applied = await h.Writes.MergeAsync(h.ConnectionId, new ProspectMerge(id, new(), JobId: jobId, TagIds: [tagId]), Ct);
        applied.ApplicationId.ShouldNotBeNull();
        applied.Changes[0].ShouldStartWith("Already tagged");
        var again = await h.Writes.MergeAsync(h.ConnectionId, new ProspectMerge(id, new(), JobId: jobId), Ct);
        again.ApplicationId.ShouldBeNull();
        again.Changes.ShouldBe([$"Not applied to the job: Corwen Halloway already has application {applied.ApplicationId} on it."]);
        (await h.AshbyAsync("candidate.info", new JsonObject { ["id"] = id }))["applicationIds"]!.AsArray().Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Merge_follows_a_candidate_merged_away_after_the_pass_and_refuses_a_deleted_one(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var away = await h.CreateCandidateAsync(new JsonObject { ["name"] = "Lisbet Farrow", ["email"] = "lisbet@farrow.example" });
        var survivor = await h.CreateCandidateAsync(new JsonObject { ["name"] = "Lisbet Farrow", ["email"] = "l.farrow@work.example" });
        var deleted = await h.CreateCandidateAsync(new JsonObject { ["name"] = "Odran Mistle", ["email"] = "odran@mistle.example" });
        // Ashby changes after the pass: the mirror still holds all three.
        await h.Webhooks.ControlAsync($"candidates/{away}/merge", new { intoCandidateId = survivor });
        await h.Webhooks.ControlAsync($"candidates/{deleted}/delete");
        (await h.CheckAsync(new(Emails: ["lisbet@farrow.example"]))).ShouldHaveSingleItem().CandidateId.ShouldBe(away);

        var merged = await h.Writes.MergeAsync(h.ConnectionId, new ProspectMerge(away, new(Emails: ["lisbet.new@farrow.example"])), Ct);

        merged.Succeeded.ShouldBeTrue(merged.Refusal?.Detail);
        merged.CandidateId.ShouldBe(survivor);
        merged.Changes[0].ShouldBe($"Ashby no longer has candidate {away}; its email lisbet@farrow.example is now on Lisbet Farrow ({survivor}), which it was merged into; merged into that one.");
        merged.Changes.ShouldContain("Added email lisbet.new@farrow.example.");
        Values(await h.AshbyAsync("candidate.info", new JsonObject { ["id"] = survivor }), "emailAddresses", "value").ShouldContain("lisbet.new@farrow.example");

        // Once the mirror knows the merge (the candidateMerge webhook), it is followed by the record of it.
        await h.Webhooks.DeliverAsync("candidateMerge", new JsonObject { ["deletedCandidate"] = new JsonObject { ["id"] = away }, ["mergedCandidate"] = new JsonObject { ["id"] = survivor } });
        await h.Webhooks.DrainAsync();
        var followed = await h.Writes.MergeAsync(h.ConnectionId, new ProspectMerge(away, new(Emails: ["lisbet.new@farrow.example"])), Ct);
        followed.CandidateId.ShouldBe(survivor);
        followed.Changes[0].ShouldBe($"Candidate {away} was merged into Lisbet Farrow ({survivor}) in Ashby; merged into that one.");

        var gone = await h.Writes.MergeAsync(h.ConnectionId, new ProspectMerge(deleted, new(Emails: ["odran2@mistle.example"])), Ct);
        gone.Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.CandidateNotFound);
        (await h.Writes.MergeAsync(h.ConnectionId, new ProspectMerge("not-a-uuid", new(Emails: ["x@y.example"])), Ct)).Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.CandidateNotFound);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_key_without_candidatesWrite_is_refused_before_anything_is_sent(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        await h.Webhooks.Connections.SetApiKeyAsync("acme", DedupeHarness.ReadOnlyKey, Ct);
        var client = await h.Webhooks.Clients.GetClientAsync(h.Webhooks.Connection, Ct);

        // Without a key check the hub cannot tell: Ashby's refusal is read as the missing permission.
        var withoutCheck = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Hesper", "Vane", ["hesper@vane.example"])), Ct);
        withoutCheck.Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.PermissionMissing);

        await h.Webhooks.Connections.SavePreflightAsync(h.ConnectionId, await new Preflight(client, TimeProvider.System).RunAsync(Ct), Ct);
        (await h.Writes.ChoicesAsync(h.ConnectionId, Ct)).MissingPermissions.ShouldBe(["candidatesWrite"]);
        var before = await CandidateCountAsync(h);

        var upload = await h.Writes.UploadAsync(h.ConnectionId, new ProspectUpload(new("Hesper", "Vane", ["hesper@vane.example"])), Ct);
        var merge = await h.Writes.MergeAsync(h.ConnectionId, new ProspectMerge(Guid.NewGuid().ToString(), new(Emails: ["hesper@vane.example"])), Ct);

        foreach (var refused in new[] { upload, merge })
        {
            refused.Refusal.ShouldNotBeNull().Kind.ShouldBe(ProspectWriteRefusalKind.PermissionMissing);
            refused.Refusal.Title.ShouldBe("The API key lacks candidatesWrite");
        }

        (await CandidateCountAsync(h)).ShouldBe(before);
        (await SearchAsync(h, "hesper@vane.example")).ShouldBeEmpty();
    }

    private static async Task<string> CreateJobAsync(DedupeHarness h, string title, bool confidential = false)
    {
        var job = await h.Webhooks.ControlAsync("jobs", new { title, confidential });
        await h.Webhooks.SyncAsync(SyncMode.Incremental);
        return job!["id"]!.GetValue<string>();
    }

    private static async Task<string> FirstIdAsync(DedupeHarness h, string endpoint) =>
        (await h.AshbyAsync(endpoint, new JsonObject())).AsArray()[0]!["id"]!.GetValue<string>();

    private static async Task<JsonArray> SearchAsync(DedupeHarness h, string email) =>
        (await h.AshbyAsync("candidate.search", new JsonObject { ["email"] = email })).AsArray();

    private static async Task<long> CandidateCountAsync(DedupeHarness h)
    {
        using var response = await h.Webhooks.Http.GetAsync(new Uri(h.Webhooks.Emulator.BaseUrl, "_emulator/summary"), Ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["counts"]!["candidates"]!.GetValue<long>();
    }

    private static int FirstLeadOrder(JsonNode stages) =>
        stages.AsArray().Where(s => s!["type"]!.GetValue<string>() == "Lead").Min(s => s!["orderInInterviewPlan"]!.GetValue<int>());

    private static List<string> Values(JsonNode node, string list, string field) =>
        [.. node[list]!.AsArray().Select(e => e![field]!.GetValue<string>())];
}
