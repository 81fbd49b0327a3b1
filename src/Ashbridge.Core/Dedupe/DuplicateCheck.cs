using System.Data.Common;
using System.Text.Json;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Dedupe;

/// <summary>
/// The duplicate check: a prospect's emails, phones, profile URLs and name looked up in <c>candidate_match_keys</c>
/// (by index, never a scan of the candidates), each candidate found followed to its survivor if it was merged, scored
/// and explained. Reads the mirror only; confirming a match live with Ashby before a write is the merge's and upload's.
/// </summary>
public sealed class DuplicateCheck(AshbridgeDatabase database, CandidateMatchIndex index)
{
    /// <summary>At most this many candidates are compared by name in one check (the name keys block them to a few).</summary>
    public const int MaxNameRows = 500;

    /// <summary>The candidates <paramref name="prospect"/> may already be, strongest first.</summary>
    /// <exception cref="DuplicateCheckInvalidException">The prospect cannot be checked as given.</exception>
    public async Task<IReadOnlyList<DuplicateMatch>> CheckAsync(long connectionId, DuplicateProspect prospect, string defaultRegion = PhoneKey.DefaultRegion, CancellationToken cancellationToken = default)
    {
        var keys = ProspectKeys.Parse(prospect, defaultRegion);
        await index.EnsureBuiltAsync(connectionId, cancellationToken).ConfigureAwait(false);
        await using var lent = await database.LendAsync(cancellationToken).ConfigureAwait(false);
        var db = lent.Connection;
        // A name key finds every candidate of that last name and initial: those whose name (kept beside the key) is not
        // like the prospect's go before any candidate row is read. Many share a name, which is compared once.
        var alike = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Alike(string name) => alike.TryGetValue(name, out var known) ? known : alike[name] = keys.Name.Compare(PersonName.FromFullName(name)) is not null;
        var hits = (await FindKeysAsync(db, connectionId, keys, cancellationToken).ConfigureAwait(false))
            .Where(h => h.Kind != MatchKeyKind.Name || Alike(h.Value)).ToList();
        if (hits.Count == 0) return [];

        var rows = await SurvivorsAsync(db, connectionId, hits.Select(h => h.CandidateId).Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<string, MatchBuilder>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            if (!rows.SurvivorOf.TryGetValue(hit.CandidateId, out var survivor)) continue; // deleted since the index was refreshed
            if (!found.TryGetValue(survivor, out var match)) found[survivor] = match = new MatchBuilder(survivor);
            if (hit.CandidateId != survivor) match.MergedFrom.Add(hit.CandidateId);
            match.Hits.Add(hit);
        }

        var matches = new List<DuplicateMatch>(found.Count);
        foreach (var match in found.Values)
        {
            if (match.Explain(keys, CandidateFacts.Read(rows.Rows[match.CandidateId])) is { } explained) matches.Add(explained);
        }

        return [.. matches.OrderByDescending(m => m.Score).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.CandidateId, StringComparer.Ordinal)];
    }

    /// <summary>The index rows of the prospect's keys, in one round trip.</summary>
    private static async Task<List<KeyHit>> FindKeysAsync(DbConnection db, long connectionId, ProspectKeys keys, CancellationToken cancellationToken) =>
        KeyLookup(connectionId, keys) is { } lookup
            ? (await db.QueryAsync<KeyHit>(new CommandDefinition(lookup.Sql, lookup.Parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList()
            : [];

    /// <summary>The statement that finds the prospect's contacts and names (capped) together (null when it has neither).</summary>
    internal static (string Sql, DynamicParameters Parameters)? KeyLookup(long connectionId, ProspectKeys keys)
    {
        var contacts = ContactLookup(connectionId, keys);
        var names = NameLookup(connectionId, keys);
        if (contacts is not { } c) return names;
        if (names is not { } n) return c;
        c.Parameters.AddDynamicParams(n.Parameters);
        return ($"{c.Sql} UNION ALL SELECT * FROM ({n.Sql}) AS names", c.Parameters);
    }

    /// <summary>The statement that finds the prospect's emails, phones and URLs in the index (null when it has none).</summary>
    internal static (string Sql, DynamicParameters Parameters)? ContactLookup(long connectionId, ProspectKeys keys)
    {
        var parameters = new DynamicParameters(new { connectionId });
        var parts = new List<string>();
        void Part(string kind, string prefix, IReadOnlyList<string> values)
        {
            if (values.Count == 0) return;
            parts.Add($"SELECT candidate_id AS CandidateId, kind AS Kind, key AS Key, value AS Value FROM candidate_match_keys WHERE connection_id = @connectionId AND kind = '{kind}' AND key IN ({SqlList.In(parameters, prefix, values)})");
        }

        Part(MatchKeyKind.Email, "e", [.. keys.Emails.Select(e => e.Canonical).Distinct(StringComparer.Ordinal)]);
        Part(MatchKeyKind.Phone, "p", keys.Phones);
        Part(MatchKeyKind.Url, "u", [.. keys.Urls.Select(u => u.Key).Distinct(StringComparer.Ordinal)]);
        return parts.Count == 0 ? null : (string.Join(" UNION ALL ", parts), parameters);
    }

    /// <summary>The statement that finds candidates by the prospect's name keys, at most <see cref="MaxNameRows"/> (null without a full name).</summary>
    internal static (string Sql, DynamicParameters Parameters)? NameLookup(long connectionId, ProspectKeys keys)
    {
        if (!keys.Name.IsComplete) return null;
        var parameters = new DynamicParameters(new { connectionId, limit = MaxNameRows });
        var names = SqlList.In(parameters, "n", keys.Name.LookupKeys());
        return ($"SELECT candidate_id AS CandidateId, kind AS Kind, key AS Key, value AS Value FROM candidate_match_keys WHERE connection_id = @connectionId AND kind = 'name' AND key IN ({names}) LIMIT @limit", parameters);
    }

    /// <summary>
    /// Each found id's surviving candidate (following merges, as Ashby may merge again; deleted ones left out) and the
    /// rows read on the way: one query when nothing found was merged away, one more per hop when something was.
    /// </summary>
    private static async Task<(Dictionary<string, string> SurvivorOf, Dictionary<string, CandidateRow> Rows)> SurvivorsAsync(DbConnection db, long connectionId, List<string> ids, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, CandidateRow>(StringComparer.Ordinal);
        var survivorOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = ids.ToDictionary(id => id, id => id, StringComparer.Ordinal); // found id → the id to look at now
        for (var hops = 0; hops < 16 && pending.Count > 0; hops++)
        {
            var unread = pending.Values.Where(id => !rows.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
            if (unread.Count > 0)
            {
                var parameters = new DynamicParameters(new { connectionId });
                var list = SqlList.In(parameters, "id", unread);
                foreach (var row in await db.QueryAsync<CandidateRow>(new CommandDefinition(
                    $"SELECT id AS Id, name AS Name, raw_json AS RawJson, deleted_ms AS DeletedMs, merged_into_id AS MergedIntoId FROM mirror_candidates WHERE connection_id = @connectionId AND id IN ({list})",
                    parameters, cancellationToken: cancellationToken)).ConfigureAwait(false))
                {
                    rows[row.Id] = row;
                }
            }

            var next = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (found, current) in pending)
            {
                if (!rows.TryGetValue(current, out var row)) continue;
                if (row.MergedIntoId is { } into) next[found] = into;
                else if (row.DeletedMs is null) survivorOf[found] = current;
            }

            pending = next;
        }

        return (survivorOf, rows);
    }

    /// <summary>A candidate's row of the mirror, as the check reads it.</summary>
    private sealed record CandidateRow(string Id, string? Name, string RawJson, long? DeletedMs, string? MergedIntoId);

    /// <summary>One row of the index that a prospect's key found.</summary>
    private sealed record KeyHit(string CandidateId, string Kind, string Key, string Value);

    /// <summary>What the explanation needs of a surviving candidate: its name, its emails (exact form) and its company.</summary>
    private sealed record CandidateFacts(string Name, PersonName Parsed, IReadOnlyList<string> Emails, string Company)
    {
        public static CandidateFacts Read(CandidateRow row)
        {
            var name = row.Name;
            using var json = JsonDocument.Parse(row.RawJson);
            var root = json.RootElement;
            var emails = CandidateKeys.Emails(root).Select(k => k.Value).ToList();
            var company = root.TryGetProperty("company", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return new CandidateFacts(name ?? "", PersonName.FromFullName(name), emails, NameFolding.Fold(company));
        }
    }

    /// <summary>The hits of one surviving candidate, turned into a score and reasons.</summary>
    private sealed class MatchBuilder(string candidateId)
    {
        public string CandidateId { get; } = candidateId;

        public List<KeyHit> Hits { get; } = [];

        public HashSet<string> MergedFrom { get; } = new(StringComparer.Ordinal);

        public DuplicateMatch? Explain(ProspectKeys prospect, CandidateFacts candidate)
        {
            var signals = new List<(int Weight, string Reason)>();
            foreach (var hit in Hits.Where(h => h.Kind == MatchKeyKind.Email).DistinctBy(h => h.Value))
            {
                signals.Add(prospect.Emails.Any(e => e.Exact == hit.Value)
                    ? (95, $"same email ({hit.Value})")
                    : (85, $"same email ignoring dots and +tags ({hit.Value})"));
            }

            foreach (var hit in Hits.Where(h => h.Kind == MatchKeyKind.Phone).DistinctBy(h => h.Key)) signals.Add((80, $"same phone ({hit.Key})"));
            foreach (var hit in Hits.Where(h => h.Kind == MatchKeyKind.Url).DistinctBy(h => h.Key))
            {
                signals.Add(hit.Key.Split(':', 2) switch
                {
                    ["linkedin", var slug] => (90, $"same LinkedIn (linkedin.com/in/{slug})"),
                    ["github", var user] => (85, $"same GitHub (github.com/{user})"),
                    [_, var site] => (60, $"same website ({site})"),
                    _ => (60, "same website"),
                });
            }

            var contactMatched = signals.Count > 0;
            if (prospect.Name.Compare(candidate.Parsed) is { } likeness)
            {
                var differentEmail = !Hits.Any(h => h.Kind == MatchKeyKind.Email) && prospect.Emails.Count > 0 && candidate.Emails.Count > 0;
                var (weight, reason) = likeness switch
                {
                    NameLikeness.Same => (60, "same name"),
                    NameLikeness.Swapped => (50, "same name, first and last swapped"),
                    NameLikeness.Nickname => (50, $"same name with a nickname ({Title(prospect.Name.First)} = {Title(candidate.Parsed.First)})"),
                    _ => (40, $"similar name ({candidate.Name})"),
                };
                signals.Add(differentEmail ? (weight - 15, reason + ", different email") : (weight, reason));
            }
            else if (!contactMatched)
            {
                return null; // found by a name key, but not a similar name
            }

            if (prospect.Company.Length > 0 && prospect.Company == candidate.Company) signals.Add((5, "same company"));
            signals.Sort((a, b) => b.Weight.CompareTo(a.Weight));
            var score = Math.Min(100, signals[0].Weight + (5 * (signals.Count - 1)));
            var reasons = signals.Select(s => s.Reason).ToList();
            if (MergedFrom.Count > 0) reasons.Add($"found through {string.Join(", ", MergedFrom.Order(StringComparer.Ordinal))}, merged into this candidate");
            return new DuplicateMatch(CandidateId, candidate.Name, score, reasons);
        }

        private static string Title(string folded) => folded.Length == 0 ? folded : char.ToUpperInvariant(folded[0]) + folded[1..];
    }
}
