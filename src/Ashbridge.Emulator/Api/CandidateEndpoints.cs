using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Candidates: list, info, search, create, update, notes and tags.</summary>
internal static class CandidateEndpoints
{
    private const int SearchCap = 100;

    public static void Register(EndpointTable table)
    {
        table
            .Read("candidate.list", Permissions.CandidatesRead, List)
            .Read("candidate.info", Permissions.CandidatesRead, Info)
            .Read("candidate.search", Permissions.CandidatesRead, Search)
            .Read("candidate.listNotes", Permissions.CandidatesRead, ListNotes)
            .Write("candidate.create", Permissions.CandidatesWrite, Create)
            .Write("candidate.update", Permissions.CandidatesWrite, Update)
            .Write("candidate.createNote", Permissions.CandidatesWrite, CreateNote)
            .Write("candidate.addTag", Permissions.CandidatesWrite, AddTag)
            .Write("candidate.removeTag", Permissions.CandidatesWrite, RemoveTag);
        CandidateRecordEndpoints.Register(table);
    }

    /// <summary><c>createdAfter</c>/<c>createdBefore</c> compare with the candidate's added-at time, the list's order.</summary>
    private static void List(AshbyCall call)
    {
        if (!call.CreatedRange(out var after, out var before, allowBefore: true)) return;
        Pager.List(call, call.Org.Candidates, (c, _) => call.CanSee(c) && c.CreatedMs > after && c.CreatedMs < before, (w, c) => CandidateJson.Candidate(w, c, call.Viewer));
    }

    /// <summary>By <c>id</c>; an <c>externalMappingId</c> never matches (the emulator has no HRIS mappings).</summary>
    private static void Info(AshbyCall call)
    {
        if (!call.Present("id", out _) && call.Present("externalMappingId", out _))
        {
            if (call.RequiredString("externalMappingId", out var external)) call.Fail(ErrorCodes.CandidateNotFound, $"No candidate has the external mapping id {external}.");
            return;
        }

        if (!call.RequiredGuid("id", out var id)) return;
        if (Find(call, id) is { } c) call.Success(w => CandidateJson.Candidate(w, c, call.Viewer));
    }

    /// <summary>
    /// <c>email</c> matches any of a candidate's addresses exactly (case-insensitive); <c>name</c> is a case-insensitive
    /// substring; both given → both must match; neither → the first candidates. At most 100 results, no paging fields.
    /// </summary>
    private static void Search(AshbyCall call)
    {
        if (!call.OptionalString("email", out var email) || !call.OptionalString("name", out var name)) return;
        call.Success(w =>
        {
            w.WriteStartArray();
            var found = 0;
            foreach (var c in call.Org.Candidates)
            {
                if (found == SearchCap) break;
                if (!call.CanSee(c)) continue;
                if (email is not null && !c.Emails.Any(e => string.Equals(e.Value, email, StringComparison.OrdinalIgnoreCase))) continue;
                if (name is not null && !c.Name.Contains(name, StringComparison.OrdinalIgnoreCase)) continue;
                CandidateJson.Candidate(w, c, call.Viewer);
                found++;
            }

            w.WriteEndArray();
        });
    }

    private static void ListNotes(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id)) return;
        if (Find(call, id) is not { } c) return;
        Pager.List(call, (IReadOnlyList<Note>?)c.Notes ?? [], (n, _) => !n.IsPrivate || call.Viewer.AllowPrivateFields, CandidateJson.Note);
    }

    private static void Create(AshbyCall call)
    {
        if (!call.RequiredString("name", out var name) || !ReadDetails(call, "website", out var details)) return;
        if (!call.OptionalStringArray("alternateEmailAddresses", out var alternates)) return;
        var c = CandidateChanges.Create(call.Org, call.NowMs, details with { Name = name, AlternateEmails = alternates });
        call.Success(w => CandidateJson.Candidate(w, c, call.Viewer));
    }

    private static void Update(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id) || !ReadDetails(call, "websiteUrl", out var details)) return;
        if (!call.OptionalString("name", out var name) || !call.OptionalString("alternateEmail", out var alternate)) return;
        if (!call.OptionalBool("sendNotifications", out _) || !ReadSocialLinks(call, out var links)) return;
        if (Find(call, id) is not { } c) return;
        CandidateChanges.Update(call.Org, call.NowMs, c, details with { Name = name, AlternateEmails = alternate is null ? null : [alternate], SocialLinks = links });
        call.Success(w => CandidateJson.Candidate(w, c, call.Viewer));
    }

    /// <summary><c>note</c> is a string or <c>{ type: "text/plain"|"text/html", value }</c>; private notes need the private-fields flag.</summary>
    private static void CreateNote(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id)) return;
        if (!call.OptionalBool("isPrivate", out var isPrivate) || !call.OptionalBool("sendNotifications", out _)) return;
        if (!call.OptionalString("createdAt", out var createdAt)) return;
        string content;
        if (!call.Present("note", out var note)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: note"); return; }
        if (note.ValueKind == JsonValueKind.String) content = note.GetString()!;
        else if (note.ValueKind == JsonValueKind.Object && note.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String) content = value.GetString()!;
        else { call.FailParameter("note", "note must be a string or an object { type, value }"); return; }
        if (isPrivate && !call.Viewer.AllowPrivateFields) { call.Fail(ErrorCodes.InvalidInput, "isPrivate notes need a key allowed to access non-offer private fields"); return; }
        if (!ParseTime(call, "createdAt", createdAt, out var createdMs)) return;
        if (Find(call, id) is not { } c) return;
        var n = CandidateChanges.AddNote(call.Org, call.NowMs, c, content, isPrivate, createdMs);
        call.Success(w => CandidateJson.Note(w, n));
    }

    private static void AddTag(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id) || !call.RequiredGuid("tagId", out var tagId)) return;
        if (Find(call, id) is not { } c) return;
        if (call.Org.FindTag(tagId) is not { } tag) { call.NotFound(ErrorCodes.TagNotFound, "Tag", tagId); return; }
        CandidateChanges.AddTag(call.Org, call.NowMs, c, tag);
        call.Success(w => CandidateJson.Candidate(w, c, call.Viewer));
    }

    /// <summary>Removing a tag the candidate does not carry answers the candidate unchanged.</summary>
    private static void RemoveTag(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id) || !call.RequiredGuid("tagId", out var tagId)) return;
        if (Find(call, id) is not { } c) return;
        if (call.Org.FindTag(tagId) is not { } tag) { call.NotFound(ErrorCodes.TagNotFound, "Tag", tagId); return; }
        CandidateChanges.RemoveTag(call.Org, call.NowMs, c, tag);
        call.Success(w => CandidateJson.Candidate(w, c, call.Viewer));
    }

    private static Candidate? Find(AshbyCall call, Guid id)
    {
        if (call.Org.FindCandidate(id) is { } c && call.CanSee(c)) return c;
        call.NotFound(ErrorCodes.CandidateNotFound, "Candidate", id);
        return null;
    }

    /// <summary>The fields candidate.create and candidate.update share (they spell the website parameter differently).</summary>
    private static bool ReadDetails(AshbyCall call, string websiteName, out CandidateChanges.Details details)
    {
        details = new CandidateChanges.Details();
        if (!call.OptionalString("email", out var email) || !call.OptionalString("phoneNumber", out var phone)) return false;
        if (!call.OptionalString("linkedInUrl", out var linkedIn) || !call.OptionalString("githubUrl", out var github) || !call.OptionalString(websiteName, out var website)) return false;
        if (!call.OptionalGuid("sourceId", out var sourceId) || !call.OptionalGuid("creditedToUserId", out var userId)) return false;
        if (!call.OptionalString("createdAt", out var createdAt) || !ParseTime(call, "createdAt", createdAt, out var createdMs)) return false;
        Source? source = null;
        User? user = null;
        if (sourceId is { } s && (source = call.Org.FindSource(s)) is null) return call.NotFound(ErrorCodes.SourceNotFound, "Source", s);
        if (userId is { } u && (user = call.Org.FindUser(u)) is null) return call.NotFound(ErrorCodes.UserNotFound, "User", u);
        CandidateLocation? location = null;
        if (call.Present("location", out var loc))
        {
            if (loc.ValueKind != JsonValueKind.Object) return call.FailParameter("location", "location must be an object { city, region, country }");
            string? Part(string n) => loc.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            location = new CandidateLocation(call.Org.NewId(), Part("city") ?? "", Part("region") ?? "", Part("country") ?? "", "UTC");
        }

        details = new CandidateChanges.Details(
            Email: email, PhoneNumber: phone, LinkedInUrl: linkedIn, GithubUrl: github, WebsiteUrl: website, Source: source, CreditedTo: user, Location: location, CreatedMs: createdMs);
        return true;
    }

    private static bool ReadSocialLinks(AshbyCall call, out List<SocialLink>? links)
    {
        links = null;
        if (!call.Present("socialLinks", out var value)) return true;
        if (value.ValueKind != JsonValueKind.Array) return call.FailParameter("socialLinks", "socialLinks must be an array of { type, url }");
        links = [];
        foreach (var item in value.EnumerateArray())
        {
            var type = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? Enums.IndexOf(Enums.SocialTypes, t.GetString()!) : -1;
            if (type < 0 || !item.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String)
            {
                return call.Fail(ErrorCodes.InvalidInput, $"socialLinks entries need a type ({string.Join(", ", Enums.SocialTypes)}) and a url");
            }

            links.Add(new SocialLink((byte)type, url.GetString()!));
        }

        return true;
    }

    public static bool ParseTime(AshbyCall call, string name, string? text, out long? ms)
    {
        ms = null;
        if (text is null) return true;
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return call.Fail(ErrorCodes.InvalidInput, $"{name} must be an ISO-8601 date-time");
        }

        ms = parsed.ToUnixTimeMilliseconds();
        return true;
    }
}
