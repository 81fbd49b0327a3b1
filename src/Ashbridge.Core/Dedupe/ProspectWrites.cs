using System.Data.Common;
using Ashbridge.Ashby;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Dedupe;

/// <summary>
/// Merge a prospect into a candidate, or upload it as a new one. Every write is preceded by a live check with Ashby
/// (<c>candidate.info</c> for the chosen candidate, <c>candidate.search</c> by email for a new one), because the mirror
/// may be minutes old, and goes through the connection's shared client (its request budget).
/// </summary>
public sealed class ProspectWrites(
    AshbridgeDatabase database,
    ConnectionStore connections,
    AshbyClientPool clients,
    DedupeSettingsStore settings,
    AuditLog audit,
    IConnectionSchedule schedule,
    TimeProvider timeProvider)
{
    /// <summary>The permissions a merge or an upload needs: the live search and info read, the rest writes.</summary>
    public static IReadOnlyList<string> RequiredPermissions { get; } = [AshbyPermissions.CandidatesRead, AshbyPermissions.CandidatesWrite];

    /// <summary>The actor audited when a caller names none.</summary>
    public const string DefaultActor = "ashbridge";

    /// <summary>At most one incremental pass is queued per connection in this long, however many writes there are (a batch).</summary>
    private static readonly TimeSpan PassDebounce = TimeSpan.FromSeconds(30);

    private readonly Dictionary<long, long> _passQueuedMs = [];

    /// <summary>The jobs, missing permissions and default region for writes on <paramref name="connectionId"/>.</summary>
    public async Task<UploadChoices> ChoicesAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        var options = await settings.FindAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var missing = await MissingPermissionsAsync(connectionId, cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var jobs = (await db.QueryAsync<JobRow>(new CommandDefinition(
                "SELECT id AS Id, title AS Title, status AS Status, is_confidential AS IsConfidential FROM mirror_jobs WHERE connection_id = @connectionId AND deleted_ms IS NULL AND status = 'Open'",
                new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Where(j => options.OfferConfidentialJobs || !j.IsConfidential)
            .Select(j => new UploadJob(j.Id, j.Title ?? j.Id, j.IsConfidential))
            .OrderBy(j => j.Title, StringComparer.OrdinalIgnoreCase).ThenBy(j => j.Id, StringComparer.Ordinal)
            .ToList();
        var sources = (await db.QueryAsync<UploadOption>(new CommandDefinition(
                "SELECT id AS Id, title AS Name FROM mirror_sources WHERE connection_id = @connectionId AND deleted_ms IS NULL AND (is_archived IS NULL OR is_archived = @no)",
                new { connectionId, no = false }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var users = (await db.QueryAsync<UserRow>(new CommandDefinition(
                "SELECT id AS Id, first_name AS FirstName, last_name AS LastName, email AS Email FROM mirror_users WHERE connection_id = @connectionId AND deleted_ms IS NULL AND (is_enabled IS NULL OR is_enabled = @yes)",
                new { connectionId, yes = true }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(u => new UploadOption(u.Id, $"{u.FirstName} {u.LastName}".Trim() is { Length: > 0 } name ? name : u.Email ?? u.Id))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new UploadChoices(jobs, missing, options.DefaultRegion, sources, users, options.OfferConfidentialJobs);
    }

    /// <summary>
    /// The candidate tags a merge or upload may add, asked of Ashby (the mirror does not keep tags); empty when Ashby
    /// cannot be asked, since tags are optional and the forms work without them.
    /// </summary>
    public async Task<IReadOnlyList<UploadOption>> TagsAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        if (await connections.FindAsync(connectionId, cancellationToken).ConfigureAwait(false) is not { } connection) return [];
        try
        {
            var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
            var tags = new List<UploadOption>();
            await foreach (var tag in client.CandidateTags.EnumerateAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (tag.IsArchived != true) tags.Add(new UploadOption(tag.Id, tag.Title));
            }

            return [.. tags.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
        }
        catch (AshbyApiException)
        {
            return [];
        }
    }

    /// <summary>Adds the prospect as a new candidate (and applies it to the job given), after confirming live that Ashby does not have its email.</summary>
    public async Task<ProspectWriteOutcome> UploadAsync(long connectionId, ProspectUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (await connections.FindAsync(connectionId, cancellationToken).ConfigureAwait(false) is not { } connection) return NoConnection(connectionId);
        var options = await settings.FindAsync(connectionId, cancellationToken).ConfigureAwait(false);

        var problems = new List<string>();
        var prospect = upload.Prospect ?? new DuplicateProspect();
        if (string.IsNullOrWhiteSpace(prospect.FirstName)) problems.Add("A first name is required.");
        if (string.IsNullOrWhiteSpace(prospect.LastName)) problems.Add("A last name is required.");
        if (prospect.Emails?.Any(e => !string.IsNullOrWhiteSpace(e)) != true) problems.Add("An email is required: it is how Ashby (and the next check) knows the candidate.");
        var keys = Parse(prospect, options.DefaultRegion, problems);
        ValidateIds(upload.TagIds, upload.SourceId, upload.CreditedToUserId, problems);
        if (problems.Count > 0) return Invalid(problems);
        if (await RefuseIdsAsync(connectionId, upload.SourceId, upload.CreditedToUserId, cancellationToken).ConfigureAwait(false) is { } badId) return Invalid([badId]);
        if (upload.JobId is { } jobId && await RefuseJobAsync(connectionId, jobId, options, cancellationToken).ConfigureAwait(false) is { } jobRefusal) return jobRefusal;
        if (await RefusePermissionsAsync(connectionId, cancellationToken).ConfigureAwait(false) is { } permissionRefusal) return permissionRefusal;

        var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
        var changes = new List<string>();
        string? candidateId = null;
        string? applicationId = null;
        try
        {
            // The live check: the mirror may not have a candidate added minutes ago (and a re-run after a crash finds the one it made).
            foreach (var email in keys!.Emails)
            {
                var found = await client.Candidates.SearchAsync(new CandidateSearchRequest { Email = email.Exact }, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (found.Count > 0)
                {
                    var existing = found[0];
                    return ProspectWriteOutcome.Refused(ProspectWriteRefusalKind.AlreadyInAshby, "Already in Ashby",
                        $"Ashby already has {existing.Name} ({existing.Id}) with the email {email.Exact}; merge into that candidate instead of uploading a new one.", existing.Id);
                }
            }

            // Ashby's search matches whole addresses: a Gmail dot or +tag variant of a known candidate is caught by the mirror's index.
            if (await SameMailboxAsync(client, connectionId, keys.Emails, cancellationToken).ConfigureAwait(false) is { } holder)
            {
                return ProspectWriteOutcome.Refused(ProspectWriteRefusalKind.AlreadyInAshby, "Already in Ashby",
                    $"Ashby already has {holder.Candidate.Name} ({holder.Candidate.Id}) with {holder.Email}, the same mailbox as the prospect's; merge into that candidate instead of uploading a new one.",
                    holder.Candidate.Id);
            }

            var first = prospect.FirstName!.Trim();
            var last = prospect.LastName!.Trim();
            var links = PickLinks(prospect.Urls, [], changes);
            var created = await client.Candidates.CreateAsync(new CandidateCreateRequest
            {
                Name = $"{first} {last}",
                Email = keys.Emails[0].Exact,
                AlternateEmailAddresses = keys.Emails.Count > 1 ? [.. keys.Emails.Skip(1).Select(e => e.Exact)] : null,
                PhoneNumber = keys.Phones.Count > 0 ? keys.Phones[0] : null,
                LinkedInUrl = links.FirstOrDefault(l => l.Kind == ProfileUrlKind.LinkedIn)?.Url,
                GithubUrl = links.FirstOrDefault(l => l.Kind == ProfileUrlKind.GitHub)?.Url,
                Website = links.FirstOrDefault(l => l.Kind == ProfileUrlKind.Website)?.Url,
                SourceId = upload.SourceId,
                CreditedToUserId = upload.CreditedToUserId,
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            candidateId = created.Id;
            changes.Insert(0, $"Created candidate {created.Name} ({created.Id}) with {Count(keys.Emails.Count, "email")}{(keys.Phones.Count > 0 ? $", phone {keys.Phones[0]}" : "")}{(links.Count > 0 ? $", {Count(links.Count, "link")}" : "")}.");
            if (keys.Phones.Count > 1) changes.Add($"Not added: {string.Join(", ", keys.Phones.Skip(1))} (candidate.create takes one phone number).");
            foreach (var website in links.Where(l => l.Kind == ProfileUrlKind.Website).Skip(1)) changes.Add($"Not added: {website.Url} (candidate.create takes one website).");

            await AddTagsAsync(client, created, upload.TagIds, changes, cancellationToken).ConfigureAwait(false);
            if (upload.JobId is { } job)
            {
                applicationId = await ApplyAsync(client, new ApplicationCreateRequest
                {
                    CandidateId = created.Id, JobId = job, SourceId = upload.SourceId, CreditedToUserId = upload.CreditedToUserId,
                }, changes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AshbyApiException e)
        {
            return await FailedAsync(connectionId, upload.Actor, "dedupe.upload", e, candidateId, applicationId, changes, cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(upload.Actor ?? DefaultActor, "dedupe.upload", $"{connection.Name}/{candidateId}", string.Join(" ", changes), cancellationToken).ConfigureAwait(false);
        await LearnSoonAsync(connectionId, changes, cancellationToken).ConfigureAwait(false);
        return new ProspectWriteOutcome(candidateId, applicationId, changes, null);
    }

    /// <summary>Adds what the candidate lacks of the prospect's details (and tags, and the job given), after confirming the candidate live.</summary>
    public async Task<ProspectWriteOutcome> MergeAsync(long connectionId, ProspectMerge merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merge);
        if (await connections.FindAsync(connectionId, cancellationToken).ConfigureAwait(false) is not { } connection) return NoConnection(connectionId);
        var options = await settings.FindAsync(connectionId, cancellationToken).ConfigureAwait(false);

        var problems = new List<string>();
        var prospect = merge.Prospect ?? new DuplicateProspect();
        if (string.IsNullOrWhiteSpace(merge.CandidateId)) problems.Add("Say which candidate to merge into (candidateId).");
        var hasContact = new[] { prospect.Emails, prospect.Phones, prospect.Urls }.Any(l => l?.Any(v => !string.IsNullOrWhiteSpace(v)) == true);
        var keys = hasContact ? Parse(prospect, options.DefaultRegion, problems) : new ProspectKeys(PersonName.FromParts(null, null), [], [], [], "");
        ValidateIds(merge.TagIds, null, null, problems);
        if (problems.Count == 0 && !hasContact && merge.JobId is null && Distinct(merge.TagIds).Count == 0)
        {
            problems.Add("There is nothing to merge: give an email, phone or URL, a tag or a job.");
        }

        if (problems.Count > 0) return Invalid(problems);
        if (merge.JobId is { } jobId && await RefuseJobAsync(connectionId, jobId, options, cancellationToken).ConfigureAwait(false) is { } jobRefusal) return jobRefusal;
        if (await RefusePermissionsAsync(connectionId, cancellationToken).ConfigureAwait(false) is { } permissionRefusal) return permissionRefusal;

        var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
        var changes = new List<string>();
        string? candidateId = null;
        string? applicationId = null;
        try
        {
            var candidate = await LiveCandidateAsync(client, connectionId, merge.CandidateId.Trim(), changes, cancellationToken).ConfigureAwait(false);
            if (candidate is null)
            {
                return ProspectWriteOutcome.Refused(ProspectWriteRefusalKind.CandidateNotFound, "Candidate not in Ashby",
                    $"Ashby has no candidate {merge.CandidateId.Trim()} any more (deleted, or merged into one this hub cannot tell). Run the check again and choose another match, or upload the prospect as new.");
            }

            candidateId = candidate.Id;
            candidate = await AddEmailsAsync(client, candidate, keys!.Emails, changes, cancellationToken).ConfigureAwait(false);
            candidate = await AddPhoneAsync(client, candidate, keys.Phones, options.DefaultRegion, changes, cancellationToken).ConfigureAwait(false);
            candidate = await AddLinksAsync(client, candidate, prospect.Urls, changes, cancellationToken).ConfigureAwait(false);

            await AddTagsAsync(client, candidate, merge.TagIds, changes, cancellationToken).ConfigureAwait(false);

            if (merge.JobId is { } job)
            {
                if (await ApplicationOnJobAsync(client, connectionId, candidate, job, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    changes.Add($"Not applied to the job: {candidate.Name} already has application {existing} on it.");
                }
                else
                {
                    applicationId = await ApplyAsync(client, new ApplicationCreateRequest { CandidateId = candidate.Id, JobId = job }, changes, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (AshbyApiException e)
        {
            return await FailedAsync(connectionId, merge.Actor, "dedupe.merge", e, candidateId, applicationId, changes, cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(merge.Actor ?? DefaultActor, "dedupe.merge", $"{connection.Name}/{candidateId}", string.Join(" ", changes), cancellationToken).ConfigureAwait(false);
        await LearnSoonAsync(connectionId, changes, cancellationToken).ConfigureAwait(false);
        return new ProspectWriteOutcome(candidateId, applicationId, changes, null);
    }

    /// <summary>The permissions of <see cref="RequiredPermissions"/> the connection's last key check found missing (none when it was not run or could not tell).</summary>
    public async Task<IReadOnlyList<string>> MissingPermissionsAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        var preflight = await connections.LoadPreflightAsync(connectionId, cancellationToken).ConfigureAwait(false);
        if (preflight is null) return [];
        return [.. preflight.Key.Permissions.Where(p => p.State == PermissionState.Missing && RequiredPermissions.Contains(p.Permission)).Select(p => p.Permission)];
    }

    /// <summary>
    /// The candidate as Ashby has it now. A candidate Ashby no longer has is followed to the one it was merged into: by
    /// the mirror's record of the merge (a <c>candidateMerge</c> webhook), else by the emails the mirror knew it by, which
    /// a merge moves to the survivor. Null when neither finds a live candidate.
    /// </summary>
    private async Task<Candidate?> LiveCandidateAsync(AshbyClient client, long connectionId, string id, List<string> changes, CancellationToken cancellationToken)
    {
        if (await InfoAsync(client, id, cancellationToken).ConfigureAwait(false) is { } live) return live;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var current = id;
        for (var hops = 0; hops < 16; hops++)
        {
            var into = await db.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT merged_into_id FROM mirror_candidates WHERE connection_id = @connectionId AND id = @current",
                new { connectionId, current }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (into is null) break;
            current = into;
            if (await InfoAsync(client, current, cancellationToken).ConfigureAwait(false) is { } survivor)
            {
                changes.Add($"Candidate {id} was merged into {survivor.Name} ({survivor.Id}) in Ashby; merged into that one.");
                return survivor;
            }
        }

        var emails = await EmailsInMirrorAsync(db, connectionId, id, cancellationToken).ConfigureAwait(false);
        foreach (var email in emails)
        {
            var found = await client.Candidates.SearchAsync(new CandidateSearchRequest { Email = email }, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (found.FirstOrDefault(c => c.Id != id) is { } holder)
            {
                changes.Add($"Ashby no longer has candidate {id}; its email {email} is now on {holder.Name} ({holder.Id}), which it was merged into; merged into that one.");
                return holder;
            }
        }

        return null;
    }

    /// <summary>
    /// A live candidate whose email is the same mailbox as one of the prospect's (the index's canonical form), found in
    /// the mirror and confirmed with <c>candidate.info</c>; null when there is none.
    /// </summary>
    private async Task<(Candidate Candidate, string Email)?> SameMailboxAsync(AshbyClient client, long connectionId, IReadOnlyList<EmailKey> emails, CancellationToken cancellationToken)
    {
        if (emails.Count == 0) return null;
        List<(string CandidateId, string Value)> found;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var parameters = new DynamicParameters(new { connectionId });
            var list = SqlList.In(parameters, "e", [.. emails.Select(e => e.Canonical).Distinct(StringComparer.Ordinal)]);
            found = [.. await db.QueryAsync<(string CandidateId, string Value)>(new CommandDefinition(
                $"""
                SELECT k.candidate_id, k.value FROM candidate_match_keys k
                JOIN mirror_candidates c ON c.connection_id = k.connection_id AND c.id = k.candidate_id
                WHERE k.connection_id = @connectionId AND k.kind = 'email' AND k.key IN ({list}) AND c.deleted_ms IS NULL AND c.merged_into_id IS NULL
                ORDER BY k.candidate_id LIMIT 3
                """, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }

        foreach (var (candidateId, value) in found)
        {
            if (await InfoAsync(client, candidateId, cancellationToken).ConfigureAwait(false) is { } live) return (live, value);
        }

        return null;
    }

    private static async Task<Candidate?> InfoAsync(AshbyClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await client.Candidates.InfoAsync(new CandidateInfoRequest { Id = id }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AshbyNotFoundException)
        {
            return null;
        }
        catch (AshbyInvalidInputException)
        {
            return null; // not an id Ashby could have (not a UUID)
        }
    }

    private static async Task<IReadOnlyList<string>> EmailsInMirrorAsync(DbConnection db, long connectionId, string id, CancellationToken cancellationToken) =>
        [.. await db.QueryAsync<string>(new CommandDefinition(
            "SELECT value FROM candidate_match_keys WHERE connection_id = @connectionId AND candidate_id = @id AND kind = 'email' ORDER BY value",
            new { connectionId, id }, cancellationToken: cancellationToken)).ConfigureAwait(false)];

    /// <summary>Adds each email the candidate lacks (compared as the check compares them), one <c>alternateEmail</c> per call, as Ashby takes them.</summary>
    private static async Task<Candidate> AddEmailsAsync(AshbyClient client, Candidate candidate, IReadOnlyList<EmailKey> emails, List<string> changes, CancellationToken cancellationToken)
    {
        var known = candidate.EmailAddresses.Select(e => EmailKey.TryParse(e.Value, out var k) ? k.Canonical : e.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var email in emails)
        {
            if (!known.Add(email.Canonical))
            {
                changes.Add($"Email {email.Exact}: already on the candidate.");
                continue;
            }

            candidate = await client.Candidates.UpdateAsync(new CandidateUpdateRequest { CandidateId = candidate.Id, AlternateEmail = email.Exact, SendNotifications = false }, cancellationToken: cancellationToken).ConfigureAwait(false);
            changes.Add($"Added email {email.Exact}.");
        }

        return candidate;
    }

    /// <summary>
    /// A phone only where the candidate has none: <c>candidate.update</c>'s <c>phoneNumber</c> sets the primary number,
    /// so giving it to a candidate with a phone would replace what the recruiter sees first.
    /// </summary>
    private static async Task<Candidate> AddPhoneAsync(AshbyClient client, Candidate candidate, IReadOnlyList<string> phones, string region, List<string> changes, CancellationToken cancellationToken)
    {
        var known = candidate.PhoneNumbers.Select(p => PhoneKey.TryNormalize(p.Value, region, out var e164) ? e164 : p.Value).ToHashSet(StringComparer.Ordinal);
        var fresh = phones.Where(p => !known.Contains(p)).ToList();
        foreach (var phone in phones.Where(known.Contains)) changes.Add($"Phone {phone}: already on the candidate.");
        if (fresh.Count == 0) return candidate;
        if (known.Count > 0)
        {
            changes.Add($"Not added: phone {string.Join(", ", fresh)} (the candidate has a phone; Ashby's update would make the new one primary, so it is left to a person).");
            return candidate;
        }

        candidate = await client.Candidates.UpdateAsync(new CandidateUpdateRequest { CandidateId = candidate.Id, PhoneNumber = fresh[0], SendNotifications = false }, cancellationToken: cancellationToken).ConfigureAwait(false);
        changes.Add($"Added phone {fresh[0]}.");
        if (fresh.Count > 1) changes.Add($"Not added: phone {string.Join(", ", fresh.Skip(1))} (Ashby takes one phone per update, and each replaces the primary one).");
        return candidate;
    }

    /// <summary>
    /// Adds the links the candidate lacks in one <c>candidate.update</c> whose <c>socialLinks</c> are the candidate's own
    /// plus the new ones (the field replaces the whole list, so what is there is sent back unchanged). A second LinkedIn
    /// or GitHub profile is not added: it is more likely another person than the same one.
    /// </summary>
    private static async Task<Candidate> AddLinksAsync(AshbyClient client, Candidate candidate, IReadOnlyList<string>? urls, List<string> changes, CancellationToken cancellationToken)
    {
        var existing = candidate.SocialLinks.Select(l => (Link: l, Parsed: ProfileUrl.TryParse(l.Url, out var p) ? p : (ProfileUrl?)null)).ToList();
        var picked = PickLinks(urls, existing.Where(e => e.Parsed is not null).Select(e => e.Parsed!.Value).ToList(), changes);
        if (picked.Count == 0) return candidate;
        var links = existing.Select(e => e.Link).Concat(picked.Select(p => new SocialLink { Type = SocialType(p.Kind), Url = p.Url })).ToList();
        candidate = await client.Candidates.UpdateAsync(new CandidateUpdateRequest { CandidateId = candidate.Id, SocialLinks = links, SendNotifications = false }, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var link in picked) changes.Add($"Added {Describe(link.Kind)} {link.Url}.");
        return candidate;
    }

    /// <summary>The prospect's links to send: each URL the candidate does not have, at most one LinkedIn and one GitHub in all.</summary>
    private static List<PickedLink> PickLinks(IReadOnlyList<string>? urls, List<ProfileUrl> existing, List<string> changes)
    {
        var picked = new List<PickedLink>();
        foreach (var text in (urls ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()))
        {
            if (!ProfileUrl.TryParse(text, out var url)) continue; // validated before
            var url1 = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
            if (existing.Contains(url) || picked.Any(p => p.Key == url))
            {
                if (existing.Contains(url)) changes.Add($"{Describe(url.Kind)} {text}: already on the candidate.");
                continue;
            }

            if (url.Kind != ProfileUrlKind.Website && (existing.Any(e => e.Kind == url.Kind) || picked.Any(p => p.Kind == url.Kind)))
            {
                changes.Add($"Not added: {Describe(url.Kind)} {text} (the candidate already has another {Describe(url.Kind)} profile; a second one is more likely someone else's).");
                continue;
            }

            picked.Add(new PickedLink(url.Kind, url, url1));
        }

        return picked;
    }

    /// <summary>The application the candidate already has on <paramref name="jobId"/>, if any: the mirror knows most, Ashby is asked for the rest.</summary>
    private async Task<string?> ApplicationOnJobAsync(AshbyClient client, long connectionId, Candidate candidate, string jobId, CancellationToken cancellationToken)
    {
        if (candidate.ApplicationIds.Count == 0) return null;
        Dictionary<string, string?> known;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var parameters = new DynamicParameters(new { connectionId });
            var list = SqlList.In(parameters, "a", [.. candidate.ApplicationIds]);
            known = (await db.QueryAsync<(string Id, string? JobId)>(new CommandDefinition(
                    $"SELECT id, job_id FROM mirror_applications WHERE connection_id = @connectionId AND id IN ({list}) AND deleted_ms IS NULL", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToDictionary(r => r.Id, r => r.JobId, StringComparer.Ordinal);
        }

        foreach (var id in candidate.ApplicationIds)
        {
            var job = known.TryGetValue(id, out var j) ? j
                : (await client.Applications.InfoAsync(new ApplicationInfoRequest { ApplicationId = id }, cancellationToken: cancellationToken).ConfigureAwait(false)).Job.Id;
            if (job == jobId) return id;
        }

        return null;
    }

    /// <summary>Refuses a job that is not in the mirror, not open, or confidential when the connection does not offer confidential jobs.</summary>
    private async Task<ProspectWriteOutcome?> RefuseJobAsync(long connectionId, string jobId, DedupeSettings options, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var job = await db.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            "SELECT id AS Id, title AS Title, status AS Status, is_confidential AS IsConfidential FROM mirror_jobs WHERE connection_id = @connectionId AND id = @jobId AND deleted_ms IS NULL",
            new { connectionId, jobId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        string? why = job switch
        {
            null => $"There is no job {jobId} on this connection (as of its last pass).",
            { Status: not "Open" } => $"{job.Title} is {job.Status?.ToLowerInvariant() ?? "not open"}; prospects are applied to open jobs only.",
            { IsConfidential: true } when !options.OfferConfidentialJobs => $"{job.Title} is confidential, and this connection's dedupe settings do not offer confidential jobs.",
            _ => null,
        };
        return why is null ? null : ProspectWriteOutcome.Refused(ProspectWriteRefusalKind.JobNotOffered, "Job not offered", why + " Choose one of the jobs offered, or none.");
    }

    private async Task<ProspectWriteOutcome?> RefusePermissionsAsync(long connectionId, CancellationToken cancellationToken)
    {
        var missing = await MissingPermissionsAsync(connectionId, cancellationToken).ConfigureAwait(false);
        return missing.Count == 0 ? null : new ProspectWriteOutcome(null, null, [], new ProspectWriteRefusal(ProspectWriteRefusalKind.PermissionMissing, $"The API key lacks {string.Join(" and ", missing)}",
            $"The connection's key lacks {string.Join(" and ", missing)} (its last key check said so), so nothing was sent. Give the key that permission in Ashby (Admin > API Keys), then run the key check again.",
            Problems: missing));
    }

    /// <summary>Refuses a source or credited user the mirror does not have, before Ashby is asked.</summary>
    private async Task<string?> RefuseIdsAsync(long connectionId, string? sourceId, string? userId, CancellationToken cancellationToken)
    {
        if (sourceId is null && userId is null) return null;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (sourceId is not null && await db.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM mirror_sources WHERE connection_id = @connectionId AND id = @sourceId AND deleted_ms IS NULL", new { connectionId, sourceId }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
        {
            return $"There is no source {sourceId} on this connection.";
        }

        if (userId is not null && await db.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM mirror_users WHERE connection_id = @connectionId AND id = @userId AND deleted_ms IS NULL", new { connectionId, userId }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
        {
            return $"There is no user {userId} on this connection to credit.";
        }

        return null;
    }

    private static ProspectKeys? Parse(DuplicateProspect prospect, string region, List<string> problems)
    {
        try
        {
            return ProspectKeys.Parse(prospect, region);
        }
        catch (DuplicateCheckInvalidException e)
        {
            problems.AddRange(e.Problems.Where(p => !problems.Contains(p)));
            return null;
        }
    }

    private static void ValidateIds(IReadOnlyList<string>? tagIds, string? sourceId, string? userId, List<string> problems)
    {
        if (tagIds is { Count: > ProspectKeys.MaxValues }) problems.Add($"At most {ProspectKeys.MaxValues} tags at once.");
        if (tagIds?.Any(string.IsNullOrWhiteSpace) == true) problems.Add("A tag id is empty.");
        if (sourceId is { } s && string.IsNullOrWhiteSpace(s)) problems.Add("The source id is empty.");
        if (userId is { } u && string.IsNullOrWhiteSpace(u)) problems.Add("The credited user id is empty.");
    }

    /// <summary>An Ashby failure: what was written before it stays said in the outcome's changes (and is audited).</summary>
    private async Task<ProspectWriteOutcome> FailedAsync(
        long connectionId, string? actor, string action, AshbyApiException exception, string? candidateId, string? applicationId, List<string> changes, CancellationToken cancellationToken)
    {
        var failure = AshbyFailure.Classify(exception);
        var (kind, title) = failure.Kind switch
        {
            AshbyFailureKind.Unreachable or AshbyFailureKind.TimedOut => (ProspectWriteRefusalKind.AshbyUnreachable, "Ashby did not answer"),
            AshbyFailureKind.PermissionMissing => (ProspectWriteRefusalKind.PermissionMissing, "The API key lacks a permission"),
            _ => (ProspectWriteRefusalKind.AshbyFailed, "Ashby refused the write"),
        };
        var done = changes.Count == 0 ? " Nothing was written." : $" Done before it: {string.Join(" ", changes)}";
        if (candidateId is not null)
        {
            await audit.WriteAsync(actor ?? DefaultActor, action, $"connection {connectionId}/{candidateId}", $"stopped: {failure.Message}.{done}", cancellationToken).ConfigureAwait(false);
            await LearnSoonAsync(connectionId, changes, cancellationToken).ConfigureAwait(false);
        }

        return new ProspectWriteOutcome(candidateId, applicationId, [.. changes], new ProspectWriteRefusal(kind, title, failure.Message + done, candidateId));
    }

    /// <summary>
    /// Queues an incremental pass so the mirror (and the check's index) learns the write within a pass; at most one per
    /// connection every <see cref="PassDebounce"/>, so a batch queues a handful, not one per row. A process without a
    /// scheduler (the CLI) queues nothing: the running hub's next pass (or Ashby's webhooks) brings the write in.
    /// </summary>
    private async Task LearnSoonAsync(long connectionId, List<string> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0 || schedule is NoConnectionSchedule) return;
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_passQueuedMs)
        {
            if (_passQueuedMs.TryGetValue(connectionId, out var last) && now - last < PassDebounce.TotalMilliseconds) return;
            _passQueuedMs[connectionId] = now;
        }

        await schedule.SyncNowAsync(connectionId, Sync.SyncMode.Incremental, cancellationToken).ConfigureAwait(false);
    }

    private static ProspectWriteOutcome Invalid(IReadOnlyList<string> problems) =>
        new(null, null, [], new ProspectWriteRefusal(ProspectWriteRefusalKind.Invalid, "The prospect cannot be written as given", string.Join(" ", problems), Problems: problems));

    private static ProspectWriteOutcome NoConnection(long connectionId) =>
        ProspectWriteOutcome.Refused(ProspectWriteRefusalKind.ConnectionNotFound, "No such connection", $"There is no connection {connectionId}.");

    private static List<string> Distinct(IReadOnlyList<string>? ids) => [.. (ids ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];

    private static string TagTitle(Candidate candidate, string tagId) => candidate.Tags.FirstOrDefault(t => t.Id == tagId)?.Title ?? tagId;

    /// <summary>Tags the candidate with each tag it does not have yet, saying so for each.</summary>
    private static async Task AddTagsAsync(AshbyClient client, Candidate candidate, IReadOnlyList<string>? tagIds, List<string> changes, CancellationToken cancellationToken)
    {
        var tags = candidate.Tags.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var tagId in Distinct(tagIds))
        {
            if (tags.Contains(tagId))
            {
                changes.Add($"Already tagged {TagTitle(candidate, tagId)}.");
                continue;
            }

            var tagged = await client.Candidates.AddTagAsync(new CandidateAddTagRequest { CandidateId = candidate.Id, TagId = tagId }, cancellationToken: cancellationToken).ConfigureAwait(false);
            changes.Add($"Tagged {TagTitle(tagged, tagId)}.");
        }
    }

    /// <summary>Applies the candidate to the job (Ashby puts it in the job's first Lead stage, New Lead) and says where it landed.</summary>
    private static async Task<string> ApplyAsync(AshbyClient client, ApplicationCreateRequest request, List<string> changes, CancellationToken cancellationToken)
    {
        var application = await client.Applications.CreateAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        changes.Add($"Applied to {application.Job.Title} ({application.Id}), in stage {application.CurrentInterviewStage?.Title ?? "(unknown)"}.");
        return application.Id;
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string Describe(ProfileUrlKind kind) => kind switch
    {
        ProfileUrlKind.LinkedIn => "LinkedIn",
        ProfileUrlKind.GitHub => "GitHub",
        _ => "website",
    };

    private static string SocialType(ProfileUrlKind kind) => kind switch
    {
        ProfileUrlKind.LinkedIn => "LinkedIn",
        ProfileUrlKind.GitHub => "GitHub",
        _ => "Website",
    };

    /// <summary>A link to send: its kind, its identifying key and the URL as given (with a scheme).</summary>
    private sealed record PickedLink(ProfileUrlKind Kind, ProfileUrl Key, string Url);

    /// <summary>A row of <c>mirror_jobs</c>.</summary>
    private sealed class JobRow
    {
        public string Id { get; init; } = "";

        public string? Title { get; init; }

        public string? Status { get; init; }

        public bool IsConfidential { get; init; }
    }

    /// <summary>A row of <c>mirror_users</c>.</summary>
    private sealed class UserRow
    {
        public string Id { get; init; } = "";

        public string? FirstName { get; init; }

        public string? LastName { get; init; }

        public string? Email { get; init; }
    }
}
