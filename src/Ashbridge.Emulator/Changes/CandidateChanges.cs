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
    /// Merges <paramref name="from"/> into <paramref name="into"/>: its applications, extra emails, phones and tags move over,
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
