using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>What a candidate.create/update/addTag/createNote or a control-API edit, merge or delete does to the organisation.</summary>
internal static class CandidateChanges
{
    public sealed record Details(
        string? Name = null,
        string? Email = null,
        string? PhoneNumber = null,
        string? LinkedInUrl = null,
        string? GithubUrl = null,
        string? WebsiteUrl = null,
        IReadOnlyList<string>? AlternateEmails = null,
        IReadOnlyList<SocialLink>? SocialLinks = null,
        Source? Source = null,
        User? CreditedTo = null,
        CandidateLocation? Location = null,
        long? CreatedMs = null,
        string? Position = null,
        string? Company = null);

    public static Candidate Create(Organization org, long now, Details d)
    {
        var c = new Candidate { Id = org.NewId(), Name = d.Name!, CreatedMs = d.CreatedMs ?? now, UpdatedMs = now };
        Apply(c, d);
        org.Candidates.Add(c);
        org.CandidatesById[c.Id] = c;
        org.Touch(c, now);
        return c;
    }

    public static void Update(Organization org, long now, Candidate c, Details d)
    {
        Apply(c, d);
        org.Touch(c, now);
    }

    public static void AddTag(Organization org, long now, Candidate c, Tag tag)
    {
        if (Array.IndexOf(c.Tags, tag) >= 0) return;
        c.Tags = [.. c.Tags, tag];
        org.Touch(c, now);
    }

    public static void RemoveTag(Organization org, long now, Candidate c, Tag tag)
    {
        if (Array.IndexOf(c.Tags, tag) < 0) return;
        c.Tags = [.. c.Tags.Where(t => t != tag)];
        org.Touch(c, now);
    }

    public static void SetFraudStatus(Organization org, long now, Candidate c, string status)
    {
        c.FraudStatus = status;
        org.Touch(c, now);
    }

    public static void AddToProject(Organization org, long now, Candidate c, Project p)
    {
        if (!org.CandidateProjects.TryGetValue(c, out var projects)) org.CandidateProjects[c] = projects = [];
        if (projects.Contains(p)) return;
        projects.Add(p);
        if (!org.ProjectMembers.TryGetValue(p, out var members)) org.ProjectMembers[p] = members = [];
        members.Add(c);
        org.Touch(c, now);
    }

    public static void RemoveFromProject(Organization org, long now, Candidate c, Project p)
    {
        if (!org.CandidateProjects.TryGetValue(c, out var projects) || !projects.Remove(p)) return;
        if (org.ProjectMembers.TryGetValue(p, out var members)) members.Remove(c);
        org.Touch(c, now);
    }

    /// <summary>Attaches an uploaded file (a copy, so one upload handle can be attached to several candidates) as the resume or as a file.</summary>
    public static StoredFile AttachFile(Organization org, long now, Candidate c, StoredFile upload, bool asResume)
    {
        var file = upload;
        if (upload.Candidate is not null)
        {
            var id = org.NewId();
            file = new StoredFile
            {
                Id = id, Name = upload.Name, Handle = "file-" + id.ToString("N"), ContentType = upload.ContentType, CreatedMs = now, Content = upload.Content,
            };
        }

        file.Candidate = c;
        file.UploadContext = null;
        org.FilesByHandle[file.Handle] = file;
        if (asResume)
        {
            // The previous resume stays among the candidate's files, as in Ashby's UI.
            if (c.Resume is { } previous) (c.Files ??= []).Add(previous);
            else if (c.HasResume) (c.Files ??= []).Add(RegisterGeneratedResume(org, c));
            c.Resume = file;
        }
        else
        {
            (c.Files ??= []).Add(file);
        }

        org.Touch(c, now);
        return file;
    }

    public static EmailMessage AddEmailMessage(Organization org, long now, Candidate c, EmailMessage message)
    {
        message.Id = org.NewId();
        message.CreatedMs = now;
        message.UpdatedMs = now;
        (c.EmailMessages ??= []).Add(message);
        org.Touch(c, now);
        return message;
    }

    /// <summary>
    /// Anonymizes a candidate (every application must be archived or hired, checked by the caller): the name becomes
    /// "Anonymized Candidate"; emails, phones, social links, position, company, school, location, files, notes, email
    /// messages and custom field values are removed. Applications, tags, source and projects stay.
    /// </summary>
    public static void Anonymize(Organization org, long now, Candidate c)
    {
        c.Name = "Anonymized Candidate";
        c.Emails = [];
        c.Phones = [];
        c.SocialLinks = [];
        c.Position = null;
        c.Company = null;
        c.School = null;
        c.Location = null;
        c.CustomFields = [];
        foreach (var f in c.Files ?? []) org.FilesByHandle.Remove(f.Handle);
        if (c.Resume is { } resume) org.FilesByHandle.Remove(resume.Handle);
        c.Files = null;
        c.Resume = null;
        c.HasResume = false;
        c.Notes = null;
        c.EmailMessages = null;
        org.Touch(c, now);
    }

    /// <summary>A merge keeps the merged-away candidate's files (its resume among them, unless the survivor has none) and projects.</summary>
    private static void MoveFilesAndProjects(Organization org, Candidate from, Candidate into)
    {
        var files = new List<StoredFile>(from.Files ?? []);
        var resume = from.Resume ?? (from.HasResume ? RegisterGeneratedResume(org, from) : null);
        if (resume is not null && into.Resume is null && !into.HasResume) into.Resume = resume;
        else if (resume is not null) files.Insert(0, resume);
        foreach (var f in files.Append(resume))
        {
            if (f is not null) f.Candidate = into;
        }

        if (files.Count > 0) into.Files = [.. into.Files ?? [], .. files];
        from.Files = null;
        from.Resume = null;
        if (!org.CandidateProjects.Remove(from, out var projects)) return;
        foreach (var p in projects)
        {
            var members = org.ProjectMembers[p];
            members.Remove(from);
            if (members.Contains(into)) continue;
            members.Add(into);
            if (!org.CandidateProjects.TryGetValue(into, out var list)) org.CandidateProjects[into] = list = [];
            list.Add(p);
        }
    }

    private static StoredFile RegisterGeneratedResume(Organization org, Candidate c)
    {
        var file = Organization.GeneratedResume(c);
        c.HasResume = false;
        org.FilesByHandle[file.Handle] = file;
        return file;
    }

    public static Note AddNote(Organization org, long now, Candidate c, string content, bool isPrivate, long? createdMs)
    {
        var author = org.Users.First(u => u.IsEnabled && u.GlobalRole == 0);
        var note = new Note { Id = org.NewId(), CreatedMs = createdMs ?? now, UpdatedMs = now, Content = content, Author = author, IsPrivate = isPrivate };
        (c.Notes ??= []).Add(note);
        org.Touch(note, now);
        org.Touch(c, now);
        return note;
    }

    /// <summary>
    /// Hard-deletes a candidate with its applications and offers: <c>candidateDelete</c>, then one <c>offerDelete</c> per
    /// offer (each its own action). Deleted rows never appear in lists again, incremental or not.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<WebhookEvent>> Delete(Organization org, long now, Candidate c)
    {
        var events = new List<IReadOnlyList<WebhookEvent>> { new[] { WebhookPayloads.CandidateDeleted(c.Id) } };
        c.Deleted = true;
        foreach (var a in c.Applications)
        {
            a.Deleted = true;
            foreach (var o in org.Offers)
            {
                if (o.Application != a || o.Deleted) continue;
                o.Deleted = true;
                events.Add([WebhookPayloads.OfferDeleted(o)]);
            }
        }

        org.Touch(c, now);
        return events;
    }

    /// <summary>
    /// Merges <paramref name="from"/> into <paramref name="into"/>: its applications, extra emails, phones, tags, files and projects move over,
    /// then it is deleted (candidate.info on its id answers candidate_not_found). Fires <c>candidateMerge</c>.
    /// </summary>
    public static IReadOnlyList<WebhookEvent> Merge(Organization org, long now, Candidate from, Candidate into)
    {
        foreach (var a in from.Applications)
        {
            a.Candidate = into;
            org.Touch(a, now);
        }

        into.Applications = [.. into.Applications, .. from.Applications];
        into.Emails = [.. into.Emails, .. from.Emails.Where(e => !into.Emails.Any(x => string.Equals(x.Value, e.Value, StringComparison.OrdinalIgnoreCase))).Select(e => e with { IsPrimary = false })];
        into.Phones = [.. into.Phones, .. from.Phones.Where(p => !into.Phones.Any(x => x.Value == p.Value)).Select(p => p with { IsPrimary = false })];
        into.Tags = [.. into.Tags.Union(from.Tags)];
        MoveFilesAndProjects(org, from, into);
        from.Applications = [];
        from.Deleted = true;
        org.Touch(from, now);
        org.Touch(into, now);
        return [WebhookPayloads.CandidateMerged(from.Id, into.Id)];
    }

    public static void AttachApplication(Organization org, long now, Candidate c, Application a)
    {
        c.Applications = [.. c.Applications, a];
        org.Touch(c, now);
    }

    private static void Apply(Candidate c, Details d)
    {
        if (d.Name is not null) c.Name = d.Name;
        if (d.Email is not null)
        {
            // The new address becomes the primary one; the old primary stays as a secondary address.
            var others = c.Emails.Where(e => !string.Equals(e.Value, d.Email, StringComparison.OrdinalIgnoreCase)).Select(e => e with { IsPrimary = false });
            c.Emails = [new ContactPoint(d.Email, ContactType.Personal, true), .. others];
        }

        foreach (var alternate in d.AlternateEmails ?? [])
        {
            if (!c.Emails.Any(e => string.Equals(e.Value, alternate, StringComparison.OrdinalIgnoreCase)))
            {
                c.Emails = [.. c.Emails, new ContactPoint(alternate, ContactType.Other, c.Emails.Length == 0)];
            }
        }

        if (d.PhoneNumber is not null)
        {
            c.Phones = [new ContactPoint(d.PhoneNumber, ContactType.Personal, true), .. c.Phones.Where(p => p.Value != d.PhoneNumber).Select(p => p with { IsPrimary = false })];
        }

        if (d.SocialLinks is not null)
        {
            c.SocialLinks = [.. d.SocialLinks];
        }
        else
        {
            SetLink(c, 0, d.LinkedInUrl);
            SetLink(c, 1, d.GithubUrl);
            SetLink(c, 7, d.WebsiteUrl);
        }

        if (d.Source is not null) c.Source = d.Source;
        if (d.CreditedTo is not null) c.CreditedTo = d.CreditedTo;
        if (d.Location is not null) c.Location = d.Location;
        if (d.CreatedMs is { } created) c.CreatedMs = created;
        if (d.Position is not null) c.Position = d.Position;
        if (d.Company is not null) c.Company = d.Company;
    }

    private static void SetLink(Candidate c, byte type, string? url)
    {
        if (url is null) return;
        c.SocialLinks = [.. c.SocialLinks.Where(s => s.Type != type), new SocialLink(type, url)];
    }
}
