using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Departments, locations, users, hiring team members: Ashby's organization objects.</summary>
internal static class OrganizationJson
{
    public static void Department(Utf8JsonWriter w, Department d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("name", d.Name);
        w.WriteStringOrNull("externalName", d.ExternalName);
        w.WriteBoolean("isArchived", d.IsArchived);
        w.WriteIdOrNull("parentId", d.Parent?.Id);
        w.WriteTime("createdAt", d.CreatedMs);
        w.WriteTime("updatedAt", d.UpdatedMs);
        w.WriteStartObject("extraData");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Location(Utf8JsonWriter w, Location l)
    {
        w.WriteStartObject();
        w.WriteString("id", l.Id);
        w.WriteString("name", l.Name);
        w.WriteStringOrNull("externalName", l.ExternalName);
        w.WriteBoolean("isArchived", l.IsArchived);
        if (l.Address is { } a)
        {
            w.WriteStartObject("address");
            w.WriteStartObject("postalAddress");
            w.WriteString("addressCountry", a.Country);
            w.WriteString("addressRegion", a.Region);
            w.WriteString("addressLocality", a.Locality);
            w.WriteString("postalCode", a.PostalCode);
            w.WriteString("streetAddress", a.Street);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("address");
        }

        w.WriteBoolean("isRemote", !l.IsHierarchy && l.WorkplaceType == 2);
        if (l.IsHierarchy) w.WriteNull("workplaceType");
        else w.WriteString("workplaceType", Enums.WorkplaceTypes[l.WorkplaceType]);
        w.WriteIdOrNull("parentLocationId", l.Parent?.Id);
        w.WriteString("type", l.IsHierarchy ? "LocationHierarchy" : "Location");
        w.WriteStartObject("extraData");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void User(Utf8JsonWriter w, User u)
    {
        w.WriteStartObject();
        w.WriteString("id", u.Id);
        w.WriteString("firstName", u.FirstName);
        w.WriteString("lastName", u.LastName);
        w.WriteString("email", u.Email);
        w.WriteString("globalRole", Enums.GlobalRoles[u.GlobalRole]);
        w.WriteBoolean("isEnabled", u.IsEnabled);
        w.WriteTime("updatedAt", u.UpdatedMs);
        w.WriteIdOrNull("managerId", u.Manager?.Id);
        w.WriteEndObject();
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
