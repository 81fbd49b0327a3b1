using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Candidates and their notes.</summary>
internal static class CandidateJson
{
    public const string ProfileUrl = "https://app.ashbyhq.com/candidate-searches/new/right-side/candidates/";

    public static void Candidate(Utf8JsonWriter w, Candidate c, Viewer viewer)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteTime("createdAt", c.CreatedMs);
        w.WriteTime("updatedAt", c.UpdatedMs);
        w.WriteString("name", c.Name);
        ContactOrNull(w, "primaryEmailAddress", c.PrimaryEmail);
        Contacts(w, "emailAddresses", c.Emails);
        ContactOrNull(w, "primaryPhoneNumber", c.PrimaryPhone);
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
        w.WriteStringOrNull("position", c.Position);
        w.WriteStringOrNull("company", c.Company);
        w.WriteStringOrNull("school", c.School);
        w.WriteStartArray("applicationIds");
        foreach (var a in c.Applications)
        {
            if (!a.Deleted && (viewer.AllowConfidential || !a.Job.Confidential)) w.WriteStringValue(a.Id);
        }

        w.WriteEndArray();
        if (c.HasResume)
        {
            w.WritePropertyName("resumeFileHandle");
            ResumeHandle(w, c);
            w.WriteStartArray("fileHandles");
            ResumeHandle(w, c);
            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("resumeFileHandle");
            w.WriteStartArray("fileHandles");
            w.WriteEndArray();
        }

        MetadataJson.Values(w, c.CustomFields, viewer);
        WritePrefixedId(w, "profileUrl", ProfileUrl, c.Id, "D");
        MetadataJson.SourceOrNull(w, c.Source);
        OrganizationJson.UserOrNull(w, "creditedToUser", c.CreditedTo);
        w.WriteStringOrNull("timezone", c.Location?.Timezone);
        if (c.Location is { } l)
        {
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
        else
        {
            w.WriteNull("location");
        }

        w.WriteStringOrNull("fraudStatus", c.FraudStatus);
        w.WriteEndObject();
    }

    /// <summary>The short candidate summary embedded in applications.</summary>
    public static void Summary(Utf8JsonWriter w, Candidate c)
    {
        w.WriteStartObject("candidate");
        w.WriteString("id", c.Id);
        w.WriteString("name", c.Name);
        ContactOrNull(w, "primaryEmailAddress", c.PrimaryEmail);
        ContactOrNull(w, "primaryPhoneNumber", c.PrimaryPhone);
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
        WritePrefixedId(w, "handle", "resume-", c.Id, "N");
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

    private static void ContactOrNull(Utf8JsonWriter w, string name, ContactPoint? point)
    {
        if (point is { } p)
        {
            w.WritePropertyName(name);
            Contact(w, p);
        }
        else
        {
            w.WriteNull(name);
        }
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
