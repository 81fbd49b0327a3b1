using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Candidates and their notes.</summary>
internal static class CandidateJson
{
    public const string ProfileUrl = "https://app.ashbyhq.com/candidate-searches/new/right-side/candidates/";

    /// <summary>
    /// A candidate. Fields the document types as non-null objects or strings (<c>primaryEmailAddress</c>, <c>position</c>,
    /// <c>resumeFileHandle</c>, <c>source</c>, <c>timezone</c>, <c>location</c>…) are left out when the candidate has no
    /// value; <c>fraudStatus</c>, documented as nullable, is written as <c>null</c>.
    /// </summary>
    public static void Candidate(Utf8JsonWriter w, Candidate c, Viewer viewer)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteTime("createdAt", c.CreatedMs);
        w.WriteTime("updatedAt", c.UpdatedMs);
        w.WriteString("name", c.Name);
        ContactIfAny(w, "primaryEmailAddress", c.PrimaryEmail);
        Contacts(w, "emailAddresses", c.Emails);
        ContactIfAny(w, "primaryPhoneNumber", c.PrimaryPhone);
        Contacts(w, "phoneNumbers", c.Phones);
        w.WriteStartArray("socialLinks");
        foreach (var s in c.SocialLinks)
        {
            w.WriteStartObject();
            w.WriteString("type", Enums.SocialTypes[s.Type]);
            w.WriteString("url", s.Url);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("tags");
        foreach (var t in c.Tags) MetadataJson.Tag(w, t);
        w.WriteEndArray();
        StringIfAny(w, "position", c.Position);
        StringIfAny(w, "company", c.Company);
        StringIfAny(w, "school", c.School);
        w.WriteStartArray("applicationIds");
        foreach (var a in c.Applications)
        {
            if (!a.Deleted && (viewer.AllowConfidential || !a.Job.Confidential)) w.WriteStringValue(a.Id);
        }

        w.WriteEndArray();
        var generatedResume = c.Resume is null && c.HasResume;
        if (c.Resume is { } resume)
        {
            w.WritePropertyName("resumeFileHandle");
            FileHandle(w, resume);
        }
        else if (generatedResume)
        {
            w.WritePropertyName("resumeFileHandle");
            ResumeHandle(w, c);
        }

        w.WriteStartArray("fileHandles");
        if (c.Resume is { } r) FileHandle(w, r);
        else if (generatedResume) ResumeHandle(w, c);
        foreach (var f in c.Files ?? []) FileHandle(w, f);
        w.WriteEndArray();

        MetadataJson.Values(w, c.CustomFields, viewer);
        WritePrefixedId(w, "profileUrl", ProfileUrl, c.Id, "D");
        if (c.Source is { } source)
        {
            w.WritePropertyName("source");
            MetadataJson.Source(w, source);
        }

        if (c.CreditedTo is { } user)
        {
            w.WritePropertyName("creditedToUser");
            OrganizationJson.User(w, user);
        }

        if (c.Location is { } l)
        {
            w.WriteString("timezone", l.Timezone);
            w.WriteStartObject("location");
            w.WriteString("id", l.Id);
            w.WriteString("locationSummary", l.Summary);
            w.WriteStartArray("locationComponents");
            Component(w, "Country", l.Country);
            Component(w, "Region", l.Region);
            Component(w, "City", l.City);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStringOrNull("fraudStatus", c.FraudStatus);
        w.WriteEndObject();
    }

    public static void FileHandle(Utf8JsonWriter w, StoredFile f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("name", f.Name);
        w.WriteString("handle", f.Handle);
        w.WriteEndObject();
    }

    public static void Project(Utf8JsonWriter w, Project p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("title", p.Title);
        StringIfAny(w, "description", p.Description);
        w.WriteBoolean("isArchived", p.IsArchived);
        w.WriteBoolean("confidential", p.Confidential);
        if (p.Author is { } author) w.WriteString("authorId", author.Id);
        w.WriteTime("createdAt", p.CreatedMs);
        w.WriteStartArray("customFieldEntries");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void FraudCheck(Utf8JsonWriter w, FraudCheck f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("candidateId", f.Candidate.Id);
        w.WriteIdOrNull("applicationId", f.Application?.Id);
        w.WriteTime("createdAt", f.CreatedMs);
        w.WriteStartArray("fraudSignals");
        foreach (var (id, category, name, description, value) in f.Signals)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("category", category);
            w.WriteString("name", name);
            w.WriteString("description", description);
            StringIfAny(w, "value", value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void ClientInfo(Utf8JsonWriter w, ClientInfo i)
    {
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("ipAddress", i.IpAddress);
        w.WriteString("userAgent", i.UserAgent);
        w.WriteString("relatedEntityType", "application");
        w.WriteString("relatedEntityId", i.Application.Id);
        w.WriteString("candidateId", i.Candidate.Id);
        w.WriteTime("createdAt", i.CreatedMs);
        w.WriteEndObject();
    }

    public static void EmailMessage(Utf8JsonWriter w, EmailMessage m)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        w.WriteString("candidateId", m.CandidateId);
        w.WriteString("emailProviderEmailId", m.ProviderEmailId);
        w.WriteString("subject", m.Subject);
        w.WriteString("from", m.From);
        w.WriteString("to", m.To);
        w.WriteStringOrNull("body", m.Body);
        w.WriteTime("sentAt", m.SentMs);
        w.WriteStringOrNull("cc", m.Cc);
        w.WriteStringOrNull("messageUrl", m.MessageUrl);
        w.WriteStringOrNull("messageIdHeader", m.MessageIdHeader);
        w.WriteString("threadId", m.ThreadId);
        w.WriteBoolean("isPrivate", m.IsPrivate);
        w.WriteBoolean("userIsSender", m.UserIsSender);
        w.WriteEndObject();
    }

    public static void ReferralForm(Utf8JsonWriter w, ReferralForm f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("organizationId", f.OrganizationId);
        w.WriteString("title", f.Title);
        w.WriteBoolean("isArchived", false);
        w.WriteBoolean("isDefaultForm", true);
        w.WriteStartObject("formDefinition");
        w.WriteStartArray("sections");
        w.WriteStartObject();
        w.WriteString("title", "Referral");
        w.WriteStartArray("fields");
        foreach (var (id, type, path, title, isRequired) in f.Fields)
        {
            w.WriteStartObject();
            w.WriteBoolean("isRequired", isRequired);
            w.WriteStartObject("field");
            w.WriteString("id", id);
            w.WriteString("type", type);
            w.WriteString("path", path);
            w.WriteString("humanReadablePath", title);
            w.WriteString("title", title);
            w.WriteBoolean("isNullable", !isRequired);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The short candidate summary embedded in applications.</summary>
    public static void Summary(Utf8JsonWriter w, Candidate c)
    {
        w.WriteStartObject("candidate");
        w.WriteString("id", c.Id);
        w.WriteString("name", c.Name);
        ContactIfAny(w, "primaryEmailAddress", c.PrimaryEmail);
        ContactIfAny(w, "primaryPhoneNumber", c.PrimaryPhone);
        w.WriteEndObject();
    }

    public static void Note(Utf8JsonWriter w, Note n)
    {
        w.WriteStartObject();
        w.WriteString("id", n.Id);
        w.WriteTime("createdAt", n.CreatedMs);
        w.WriteString("content", n.Content);
        w.WriteBoolean("isPrivate", n.IsPrivate);
        w.WriteStartObject("author");
        w.WriteString("id", n.Author.Id);
        w.WriteString("firstName", n.Author.FirstName);
        w.WriteString("lastName", n.Author.LastName);
        w.WriteString("email", n.Author.Email);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void ResumeHandle(Utf8JsonWriter w, Candidate c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("name", c.Name.Replace(' ', '_') + "_Resume.pdf");
        WritePrefixedId(w, "handle", Organization.ResumeHandlePrefix, c.Id, "N");
        w.WriteEndObject();
    }

    /// <summary>Writes prefix + id without allocating a string (this runs for every candidate of every page).</summary>
    private static void WritePrefixedId(Utf8JsonWriter w, string name, string prefix, Guid id, string format)
    {
        Span<char> buffer = stackalloc char[prefix.Length + 36];
        prefix.CopyTo(buffer);
        id.TryFormat(buffer[prefix.Length..], out var written, format);
        w.WriteString(name, buffer[..(prefix.Length + written)]);
    }

    private static void Component(Utf8JsonWriter w, string type, string name)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("name", name);
        w.WriteEndObject();
    }

    private static void ContactIfAny(Utf8JsonWriter w, string name, ContactPoint? point)
    {
        if (point is not { } p) return;
        w.WritePropertyName(name);
        Contact(w, p);
    }

    private static void StringIfAny(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void Contacts(Utf8JsonWriter w, string name, ContactPoint[] points)
    {
        w.WriteStartArray(name);
        foreach (var p in points) Contact(w, p);
        w.WriteEndArray();
    }

    private static void Contact(Utf8JsonWriter w, ContactPoint p)
    {
        w.WriteStartObject();
        w.WriteString("value", p.Value);
        w.WriteString("type", Enums.ContactTypes[(int)p.Type]);
        w.WriteBoolean("isPrimary", p.IsPrimary);
        w.WriteEndObject();
    }
}
