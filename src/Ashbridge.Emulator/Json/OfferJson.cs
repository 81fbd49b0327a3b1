using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Offers with their latest version (list, webhook) or every version (info).</summary>
internal static class OfferJson
{
    public static void Offer(Utf8JsonWriter w, Offer o, bool withVersions = false)
    {
        w.WriteStartObject();
        w.WriteString("id", o.Id);
        w.WriteTime("decidedAt", o.DecidedMs);
        w.WriteString("applicationId", o.Application.Id);
        w.WriteString("acceptanceStatus", o.AcceptanceStatus);
        w.WriteString("offerStatus", o.OfferStatus);
        w.WritePropertyName("latestVersion");
        Version(w, o.Latest);
        if (withVersions)
        {
            w.WriteStartArray("versions");
            foreach (var v in o.Versions) Version(w, v);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Version(Utf8JsonWriter w, OfferVersion v)
    {
        w.WriteStartObject();
        w.WriteString("id", v.Id);
        w.WriteTime("startDate", v.StartMs);
        w.WriteStartObject("salary");
        w.WriteString("currencyCode", v.Currency);
        w.WriteNumber("value", v.Salary);
        w.WriteEndObject();
        w.WriteTime("createdAt", v.CreatedMs);
        w.WriteIdOrNull("openingId", v.Opening?.Id);

        // Offer custom fields are always visible, private ones included (Ashby's rule since 2026-02-23).
        MetadataJson.Values(w, v.CustomFields, Viewer.Everything);
        w.WriteStartArray("fileHandles");
        w.WriteEndArray();
        OrganizationJson.UserOrNull(w, "author", v.Author);
        w.WriteStringOrNull("approvalStatus", v.ApprovalStatus);
        w.WriteEndObject();
    }
}
