using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Departments, locations, users, hiring team members: Ashby's organization objects.</summary>
internal static class OrganizationJson
{
    /// <summary>
    /// A department. <c>externalName</c> and <c>parentId</c> are left out when unset: the document types them as plain
    /// strings, optional, with no null anywhere (see the notes on null or absent in docs/concepts/emulator.md).
    /// </summary>
    public static void Department(Utf8JsonWriter w, Department d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("name", d.Name);
        if (d.ExternalName is { } externalName) w.WriteString("externalName", externalName);
        w.WriteBoolean("isArchived", d.IsArchived);
        if (d.Parent is { } parent) w.WriteString("parentId", parent.Id);
        w.WriteTime("createdAt", d.CreatedMs);
        w.WriteTime("updatedAt", d.UpdatedMs);
        ExtraData(w, d.ExtraData);
        w.WriteEndObject();
    }

    /// <summary>
    /// An office (<c>Location</c>) or a region (<c>LocationHierarchy</c>). Unset optional fields are left out rather than
    /// null (the document types none of them nullable): <c>externalName</c>, <c>address</c> (regions have none),
    /// <c>workplaceType</c> (offices only) and <c>parentLocationId</c> (top-level regions).
    /// </summary>
    public static void Location(Utf8JsonWriter w, Location l)
    {
        w.WriteStartObject();
        w.WriteString("id", l.Id);
        w.WriteString("name", l.Name);
        if (l.ExternalName is { } externalName) w.WriteString("externalName", externalName);
        w.WriteBoolean("isArchived", l.IsArchived);
        if (l.Address is { } a)
        {
            w.WriteStartObject("address");
            w.WriteStartObject("postalAddress");
            WriteIfSet(w, "addressCountry", a.Country);
            WriteIfSet(w, "addressRegion", a.Region);
            WriteIfSet(w, "addressLocality", a.Locality);
            WriteIfSet(w, "postalCode", a.PostalCode);
            WriteIfSet(w, "streetAddress", a.Street);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteBoolean("isRemote", !l.IsHierarchy && l.WorkplaceType == 2);
        if (!l.IsHierarchy) w.WriteString("workplaceType", Enums.WorkplaceTypes[l.WorkplaceType]);
        if (l.Parent is { } parent) w.WriteString("parentLocationId", parent.Id);
        w.WriteString("type", l.IsHierarchy ? "LocationHierarchy" : "Location");
        ExtraData(w, l.ExtraData);
        w.WriteEndObject();
    }

    /// <summary>A user. <c>managerId</c> is left out for users without a manager (typed string, optional, never null in the document).</summary>
    public static void User(Utf8JsonWriter w, User u)
    {
        w.WriteStartObject();
        UserFields(w, u);
        w.WriteEndObject();
    }

    /// <summary>A user's fields, for objects that extend a user (interviewers, pool members).</summary>
    public static void UserFields(Utf8JsonWriter w, User u)
    {
        w.WriteString("id", u.Id);
        w.WriteString("firstName", u.FirstName);
        w.WriteString("lastName", u.LastName);
        w.WriteString("email", u.Email);
        w.WriteString("globalRole", Enums.GlobalRoles[u.GlobalRole]);
        w.WriteBoolean("isEnabled", u.IsEnabled);
        w.WriteTime("updatedAt", u.UpdatedMs);
        if (u.Manager is { } manager) w.WriteString("managerId", manager.Id);
    }

    public static void CommunicationTemplate(Utf8JsonWriter w, CommunicationTemplate t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("title", t.Title);
        w.WriteStartArray("intendedTypes");
        for (var i = 0; i < Data.CommunicationTemplate.TypeNames.Length; i++)
        {
            if (t.IsIntendedFor(i)) w.WriteStringValue(Data.CommunicationTemplate.TypeNames[i]);
        }

        w.WriteEndArray();
        w.WriteTime("createdAt", t.CreatedMs);
        w.WriteTime("updatedAt", t.UpdatedMs);
        w.WriteEndObject();
    }

    public static void SourceTrackingLink(Utf8JsonWriter w, SourceTrackingLink l)
    {
        w.WriteStartObject();
        w.WriteString("id", l.Id);
        w.WriteString("code", l.Code);
        w.WriteBoolean("enabled", l.Enabled);
        w.WriteString("sourceId", l.Source.Id);
        w.WriteString("link", OrganizationRecordsGenerator.JobBoardUrl + "?utm_source=" + Uri.EscapeDataString(l.Code));
        w.WriteEndObject();
    }

    private static void ExtraData(Utf8JsonWriter w, Dictionary<string, string>? extraData)
    {
        w.WriteStartObject("extraData");
        if (extraData is not null)
        {
            foreach (var (key, value) in extraData) w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    public static void UserOrNull(Utf8JsonWriter w, string name, User? u)
    {
        w.WritePropertyName(name);
        if (u is null) w.WriteNullValue();
        else User(w, u);
    }

    public static void TeamMember(Utf8JsonWriter w, TeamMember m)
    {
        w.WriteStartObject();
        w.WriteString("email", m.User.Email);
        w.WriteString("firstName", m.User.FirstName);
        w.WriteString("lastName", m.User.LastName);
        w.WriteString("role", m.Role.Title);
        w.WriteString("userId", m.User.Id);
        w.WriteEndObject();
    }

    public static void HiringTeam(Utf8JsonWriter w, IReadOnlyList<TeamMember> team)
    {
        w.WriteStartArray("hiringTeam");
        foreach (var m in team) TeamMember(w, m);
        w.WriteEndArray();
    }
}
