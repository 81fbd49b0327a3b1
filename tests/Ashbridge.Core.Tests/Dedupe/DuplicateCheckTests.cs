using System.Text.Json.Nodes;
using Ashbridge.Core.Dedupe;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Dedupe;

public sealed class DuplicateCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Zyxwood() => new()
    {
        ["name"] = "Robert Zyxwood",
        ["email"] = "r.zyxwood@gmail.com",
        ["phoneNumber"] = "+1 415 555 0199",
        ["linkedInUrl"] = "https://www.linkedin.com/in/robert-zyxwood/",
        ["githubUrl"] = "https://github.com/rzyxwood",
        ["website"] = "https://zyxwood.dev/",
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_signal_finds_the_candidate_and_says_why(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var id = await h.CreateCandidateAsync(Zyxwood());

        async Task Expect(DuplicateProspect prospect, string reason, int score)
        {
            var match = (await h.CheckAsync(prospect)).ShouldHaveSingleItem($"{prospect}");
            match.CandidateId.ShouldBe(id);
            match.Name.ShouldBe("Robert Zyxwood");
            match.Reasons.ShouldBe([reason], $"{prospect}");
            match.Score.ShouldBe(score, $"{prospect}");
        }

        await Expect(new(Emails: ["R.Zyxwood@Gmail.com"]), "same email (r.zyxwood@gmail.com)", 95);
        await Expect(new(Emails: ["rzyxwood+sourcing@googlemail.com"]), "same email ignoring dots and +tags (r.zyxwood@gmail.com)", 85);
        await Expect(new(Phones: ["(415) 555-0199"]), "same phone (+14155550199)", 80);
        await Expect(new(Phones: ["+44 20 7946 0018", "415.555.0199"]), "same phone (+14155550199)", 80);
        await Expect(new(Urls: ["uk.linkedin.com/in/Robert-Zyxwood?trk=abc"]), "same LinkedIn (linkedin.com/in/robert-zyxwood)", 90);
        await Expect(new(Urls: ["http://github.com/RZyxwood/"]), "same GitHub (github.com/rzyxwood)", 85);
        await Expect(new(Urls: ["www.zyxwood.dev"]), "same website (zyxwood.dev)", 60);
        await Expect(new("ROBERT", "ZYXWOOD"), "same name", 60);
        await Expect(new("Zyxwood", "Robert"), "same name, first and last swapped", 50);
        await Expect(new("Bob", "Zyxwood"), "same name with a nickname (Bob = Robert)", 50);
        await Expect(new("Róbert", "Zyxwod"), "similar name (Robert Zyxwood)", 40);
        await Expect(new("Robert", "Zyxwood", Emails: ["bob@elsewhere.example"]), "same name, different email", 45);

        var everything = (await h.CheckAsync(new("Bob", "Zyxwood", ["r.zyxwood@gmail.com"], ["4155550199"], ["linkedin.com/in/robert-zyxwood"]))).ShouldHaveSingleItem();
        everything.Score.ShouldBe(100);
        everything.Reasons.ShouldBe(["same email (r.zyxwood@gmail.com)", "same LinkedIn (linkedin.com/in/robert-zyxwood)", "same phone (+14155550199)", "same name with a nickname (Bob = Robert)"]);

        (await h.CheckAsync(new("Roberta", "Zylstra", ["someone.else@gmail.com"]))).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Matches_come_strongest_first_and_the_company_adds_to_a_score(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var byEmail = await h.CreateCandidateAsync(new JsonObject { ["name"] = "Wilhelmina Qorvath", ["email"] = "wq@qorvath.example" });
        var byName = await h.CreateCandidateAsync(new JsonObject { ["name"] = "Wilhelmina Qorvath" });

        var matches = await h.CheckAsync(new("Wilhelmina", "Qorvath", ["wq@qorvath.example"]));
        matches.Select(m => m.CandidateId).ShouldBe([byEmail, byName]);
        matches[0].Reasons.ShouldBe(["same email (wq@qorvath.example)", "same name"]);
        matches[0].Score.ShouldBe(100);
        matches[1].Reasons.ShouldBe(["same name"]);
        matches[1].Score.ShouldBe(60);

        var (candidateId, company) = await AnyCandidateWithCompanyAsync(h);
        var withCompany = (await h.CheckAsync(new(Emails: [await PrimaryEmailAsync(h, candidateId)], Company: company.ToUpperInvariant()))).ShouldHaveSingleItem();
        withCompany.Reasons.ShouldContain("same company");
        withCompany.Score.ShouldBe(100);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_merged_away_candidate_resolves_to_the_survivor(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var survivor = await h.CreateCandidateAsync(new JsonObject { ["name"] = "Ingrid Vællstrøm", ["email"] = "ingrid@survivor.example" });
        var mergedAway = await h.CreateCandidateAsync(new JsonObject { ["name"] = "Ingrid Vallstrom", ["email"] = "ingrid.v@merged.example" });

        // Recorded as a candidateMerge webhook records it; Ashby's copy of the survivor has not been re-read yet.
        await CandidateMerges.RecordAsync(h.Webhooks.Database, h.ConnectionId, mergedAway, survivor, TimeProvider.System.GetUtcNow(), Ct);
        await h.Index.RefreshAsync(h.ConnectionId, cancellationToken: Ct);

        var match = (await h.CheckAsync(new(Emails: ["ingrid.v@merged.example"]))).ShouldHaveSingleItem();
        match.CandidateId.ShouldBe(survivor);
        match.Name.ShouldBe("Ingrid Vællstrøm");
        match.Reasons.ShouldBe(["same email (ingrid.v@merged.example)", $"found through {mergedAway}, merged into this candidate"]);

        // Both rows share the name: still one match, the survivor.
        (await h.CheckAsync(new("Ingrid", "Vallstrom"))).ShouldHaveSingleItem().CandidateId.ShouldBe(survivor);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_incremental_pass_re_keys_a_changed_candidate_and_a_full_pass_removes_a_deleted_one(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var id = await h.CreateCandidateAsync(Zyxwood());
        (await h.KeysOfAsync(id, MatchKeyKind.Url)).ShouldBe(["github:rzyxwood", "linkedin:robert-zyxwood", "web:zyxwood.dev"]);

        await h.AshbyAsync("candidate.update", new JsonObject
        {
            ["candidateId"] = id,
            ["email"] = "Robert.Z@Work.example",
            ["socialLinks"] = new JsonArray(new JsonObject { ["type"] = "LinkedIn", ["url"] = "https://linkedin.com/in/rz-new" }),
        });
        (await h.CheckAsync(new(Emails: ["robert.z@work.example"]))).ShouldBeEmpty(); // the mirror has not seen it yet
        await h.Webhooks.SyncAsync(SyncMode.Incremental);

        (await h.CheckAsync(new(Emails: ["robert.z@work.example"]))).ShouldHaveSingleItem().CandidateId.ShouldBe(id);
        (await h.KeysOfAsync(id, MatchKeyKind.Url)).ShouldBe(["linkedin:rz-new"]);
        (await h.CheckAsync(new(Urls: ["https://www.linkedin.com/in/robert-zyxwood"]))).ShouldBeEmpty();
        (await h.CheckAsync(new(Urls: ["linkedin.com/in/RZ-New/"]))).ShouldHaveSingleItem().Reasons.ShouldBe(["same LinkedIn (linkedin.com/in/rz-new)"]);

        await h.Webhooks.ControlAsync($"candidates/{id}/delete");
        await h.Webhooks.SyncAsync(SyncMode.Full);
        (await h.Webhooks.ScalarAsync<long>("SELECT COUNT(*) FROM candidate_match_keys WHERE candidate_id = @id", new { id })).ShouldBe(0);
        (await h.CheckAsync(new("Robert", "Zyxwood", ["robert.z@work.example"]))).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_mirrored_candidate_is_keyed_and_a_malformed_prospect_is_refused(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var live = await h.Webhooks.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_candidates WHERE deleted_ms IS NULL");
        live.ShouldBeGreaterThan(0);
        (await h.Webhooks.ScalarAsync<long>("SELECT COUNT(DISTINCT candidate_id) FROM candidate_match_keys WHERE kind = 'email'")).ShouldBe(
            await h.Webhooks.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_candidates WHERE deleted_ms IS NULL AND raw_json LIKE '%\"emailAddresses\":[{%'"));

        // Every generated candidate with an email is found by it, as itself.
        var sample = await h.Webhooks.IdsAsync("SELECT id FROM mirror_candidates WHERE deleted_ms IS NULL ORDER BY id LIMIT 25");
        foreach (var id in sample)
        {
            if (await PrimaryEmailAsync(h, id) is not { Length: > 0 } email) continue;
            (await h.CheckAsync(new(Emails: [email]))).ShouldContain(m => m.CandidateId == id && m.Reasons[0] == $"same email ({email.ToLowerInvariant()})");
        }

        var refused = await Should.ThrowAsync<DuplicateCheckInvalidException>(() => h.CheckAsync(new("Jane", "", ["not-an-email"], ["phone?"])));
        refused.Problems.ShouldBe(["'not-an-email' is not an email address.", "'phone?' is not a phone number (read in region US when it has no country code)."]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_key_too_long_for_the_index_is_left_out_and_the_candidate_still_found_by_the_rest(DatabaseProvider provider)
    {
        await using var h = await DedupeHarness.StartAsync(provider);
        var longLast = "Zyx" + new string('w', 1_500) + "ood";
        var longSite = $"https://zyxwood.dev/{new string('p', 1_000)}";
        var candidate = Zyxwood();
        candidate["name"] = $"Robert {longLast}";
        candidate["website"] = longSite;
        var id = await h.CreateCandidateAsync(candidate);

        // The email still finds the candidate; on PostgreSQL the keys of a 1,500-character name would not fit a B-tree entry.
        (await h.CheckAsync(new(Emails: ["r.zyxwood@gmail.com"]))).ShouldHaveSingleItem().CandidateId.ShouldBe(id);
        (await h.CheckAsync(new(Urls: [longSite]))).ShouldBeEmpty();
        var longest = await h.Webhooks.ScalarAsync<long>(
            "SELECT MAX(length(key) + length(value)) FROM candidate_match_keys WHERE candidate_id = @id", new { id });
        longest.ShouldBeLessThanOrEqualTo(2 * CandidateMatchIndex.MaxLength);
        // Of the name's two keys, the last name's is too long; the first name's (with the last name's initial) is kept.
        (await h.Webhooks.IdsAsync($"SELECT key FROM candidate_match_keys WHERE candidate_id = '{id}' AND kind = 'name'")).ShouldBe(["f:robert|z"]);
    }

    [Fact]
    public async Task The_lookups_use_the_index_never_a_scan_of_the_keys_or_the_candidates()
    {
        await using var h = await DedupeHarness.StartAsync(DatabaseProvider.Sqlite);
        var keys = ProspectKeys.Parse(new("Bob", "Smith", ["jane@gmail.com", "x@y.example"], ["+1 415 555 0199"], ["linkedin.com/in/jane", "github.com/jane"]));
        await using var db = await h.Webhooks.Database.ConnectAsync(Ct);
        foreach (var lookup in new[] { DuplicateCheck.ContactLookup(h.ConnectionId, keys), DuplicateCheck.NameLookup(h.ConnectionId, keys), DuplicateCheck.KeyLookup(h.ConnectionId, keys) })
        {
            var (sql, parameters) = lookup!.Value;
            var plan = string.Join("\n", (await db.QueryAsync<(long, long, long, string Detail)>(new CommandDefinition("EXPLAIN QUERY PLAN " + sql, parameters, cancellationToken: Ct))).Select(r => r.Detail));
            // The one scan allowed is of the capped name rows the combined statement's subquery produced, not of a table.
            plan.Split('\n').Where(step => step.Contains("SCAN", StringComparison.Ordinal) && step != "SCAN names").ShouldBeEmpty(plan);
            plan.ShouldContain("SEARCH candidate_match_keys USING COVERING INDEX ix_candidate_match_keys_lookup (connection_id=? AND kind=? AND key=?)", Case.Sensitive, plan);
        }
    }

    private static async Task<string> PrimaryEmailAsync(DedupeHarness h, string candidateId)
    {
        var json = System.Text.Json.JsonDocument.Parse((await h.Webhooks.ScalarAsync<string>("SELECT raw_json FROM mirror_candidates WHERE id = @candidateId", new { candidateId }))!);
        return json.RootElement.TryGetProperty("primaryEmailAddress", out var p) ? p.GetProperty("value").GetString()! : "";
    }

    private static async Task<(string Id, string Company)> AnyCandidateWithCompanyAsync(DedupeHarness h)
    {
        foreach (var id in await h.Webhooks.IdsAsync("SELECT id FROM mirror_candidates WHERE deleted_ms IS NULL AND raw_json LIKE '%\"company\":%' AND raw_json LIKE '%\"primaryEmailAddress\":%' ORDER BY id LIMIT 1"))
        {
            var json = System.Text.Json.JsonDocument.Parse((await h.Webhooks.ScalarAsync<string>("SELECT raw_json FROM mirror_candidates WHERE id = @id", new { id }))!);
            return (id, json.RootElement.GetProperty("company").GetString()!);
        }

        throw new InvalidOperationException("No generated candidate has a company and an email.");
    }
}
