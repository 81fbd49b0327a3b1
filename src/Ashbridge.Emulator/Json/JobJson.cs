using System.Globalization;
using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Jobs and openings.</summary>
internal static class JobJson
{
    /// <summary>
    /// A job. Optional fields without a value (<c>customRequisitionId</c>, <c>brandId</c>, <c>openedAt</c>, <c>closedAt</c>)
    /// are left out: the document types them non-null and does not require them. <paramref name="compensationTiers"/> adds
    /// the top-level <c>compensationTiers</c> of <c>job.updateCompensation</c>'s answer.
    /// </summary>
    public static void Job(Utf8JsonWriter w, Job j, Viewer viewer, bool includeUnpublishedPostingIds = false, bool expandLocation = false, bool expandOpenings = false, bool compensationTiers = false)
    {
        w.WriteStartObject();
        if (compensationTiers) CompensationTiers(w, j);
        w.WriteString("id", j.Id);
        w.WriteString("title", j.Title);
        w.WriteBoolean("confidential", j.Confidential);
        w.WriteString("status", Enums.JobStatuses[(int)j.Status]);
        w.WriteString("employmentType", Enums.EmploymentTypes[j.EmploymentType]);
        w.WriteString("locationId", j.Location.Id);
        w.WriteString("departmentId", j.Department.Id);
        w.WriteString("defaultInterviewPlanId", j.Plan.Id);
        w.WriteStartArray("interviewPlanIds");
        w.WriteStringValue(j.Plan.Id);
        w.WriteEndArray();
        MetadataJson.Values(w, j.CustomFields, viewer);
        w.WriteStartArray("jobPostingIds");
        foreach (var p in j.Postings)
        {
            if (!p.Deleted && (p.IsPublished || includeUnpublishedPostingIds)) w.WriteStringValue(p.Id);
        }

        w.WriteEndArray();
        w.WriteStringIfAny("customRequisitionId", j.RequisitionId);
        w.WriteIdIfAny("brandId", j.Brand?.Id);
        OrganizationJson.HiringTeam(w, j.HiringTeam);
        OrganizationJson.UserOrNull(w, "author", j.Author);
        w.WriteTime("createdAt", j.CreatedMs);
        w.WriteTime("updatedAt", j.UpdatedMs);
        w.WriteTimeIfAny("openedAt", j.OpenedMs);
        w.WriteTimeIfAny("closedAt", j.ClosedMs);
        if (expandLocation)
        {
            w.WritePropertyName("location");
            OrganizationJson.Location(w, j.Location);
        }

        if (expandOpenings)
        {
            w.WriteStartArray("openings");
            foreach (var o in j.Openings)
            {
                if (!o.Deleted) Opening(w, o, viewer);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// An opening with its latest version. Optional timestamps, <c>closeReasonId</c>, <c>teamId</c> and the target dates
    /// are left out without a value; the version's required <c>description</c> and <c>authorId</c> always have one.
    /// </summary>
    public static void Opening(Utf8JsonWriter w, Opening o, Viewer viewer)
    {
        w.WriteStartObject();
        w.WriteString("id", o.Id);
        w.WriteTimeIfAny("openedAt", o.OpenedMs);
        w.WriteTimeIfAny("closedAt", o.ClosedMs);
        w.WriteBoolean("isArchived", o.IsArchived);
        w.WriteTimeIfAny("archivedAt", o.ArchivedMs);
        w.WriteIdIfAny("closeReasonId", o.CloseReason?.Id);
        w.WriteString("openingState", Enums.OpeningStates[o.State]);
        w.WriteStartObject("latestVersion");
        w.WriteString("id", o.VersionId);
        w.WriteString("identifier", o.Identifier);
        w.WriteString("description", o.Description ?? "");
        w.WriteIdOrNull("authorId", o.Author?.Id);
        w.WriteTime("createdAt", o.VersionCreatedMs != 0 ? o.VersionCreatedMs : o.CreatedMs);
        w.WriteIdIfAny("teamId", o.Team?.Id);
        w.WriteStartArray("jobIds");
        foreach (var j in o.Jobs)
        {
            if (!j.Deleted && (viewer.AllowConfidential || !j.Confidential)) w.WriteStringValue(j.Id);
        }

        w.WriteEndArray();
        w.WriteTimeIfAny("targetHireDate", o.TargetHireMs);
        w.WriteTimeIfAny("targetStartDate", o.TargetStartMs);
        w.WriteBoolean("isBackfill", o.IsBackfill);
        w.WriteString("employmentType", Enums.EmploymentTypes[o.EmploymentType]);
        w.WriteStartArray("locationIds");
        foreach (var l in o.Locations) w.WriteStringValue(l.Id);
        w.WriteEndArray();
        OrganizationJson.HiringTeam(w, o.HiringTeam);
        MetadataJson.Values(w, o.CustomFields, viewer);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>compensationTiers</c>: each tier with its components and a one-line summary.</summary>
    public static void CompensationTiers(Utf8JsonWriter w, Job j)
    {
        w.WriteStartArray("compensationTiers");
        foreach (var tier in j.CompensationTiers)
        {
            w.WriteStartObject();
            w.WriteString("id", tier.Id);
            w.WriteStringIfAny("title", tier.Title);
            w.WriteStringIfAny("additionalInformation", tier.AdditionalInformation);
            w.WriteStartArray("components");
            foreach (var c in tier.Components) Component(w, c, includeSummary: true);
            w.WriteEndArray();
            w.WriteString("tierSummary", TierSummary(tier));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Component(Utf8JsonWriter w, CompensationComponent c, bool includeSummary)
    {
        w.WriteStartObject();
        if (includeSummary) w.WriteString("id", c.Id);
        w.WriteString("compensationType", c.CompensationType);
        w.WriteString("interval", c.Interval);
        w.WriteStringIfAny("currencyCode", c.CurrencyCode);
        w.WriteStringIfAny("label", c.Label);
        if (c.MinValue is { } min) w.WriteNumber("minValue", min);
        else w.WriteNull("minValue");
        if (c.MaxValue is { } max) w.WriteNumber("maxValue", max);
        else w.WriteNull("maxValue");
        w.WriteString("summary", Summary(c));
        w.WriteEndObject();
    }

    /// <summary>"€72K – €270K • 1% – 2.25%", as Ashby's job board writes a tier.</summary>
    public static string TierSummary(CompensationTier tier) => string.Join(" • ", tier.Components.Select(Summary));

    public static string Summary(CompensationComponent c)
    {
        if (c.MinValue is null && c.MaxValue is null) return "Offers " + c.CompensationType;
        string Amount(double v) => c.CompensationType == "EquityPercentage"
            ? v.ToString("0.##", CultureInfo.InvariantCulture) + "%"
            : (c.CurrencyCode is { } code ? code + " " : "") + (v >= 1000 ? (v / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "K" : v.ToString("0.##", CultureInfo.InvariantCulture));
        return c.MinValue is { } min && c.MaxValue is { } max && min != max ? Amount(min) + " – " + Amount(max) : Amount((c.MinValue ?? c.MaxValue)!.Value);
    }
}
