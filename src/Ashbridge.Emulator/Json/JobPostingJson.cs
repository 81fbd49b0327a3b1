using System.Globalization;
using System.Net;
using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Job postings: the list shape (also the webhook shape) and the richer <c>jobPosting.info</c> shape.</summary>
internal static class JobPostingJson
{
    public const string BoardUrl = "https://jobs.ashbyhq.com/northwind-labs/";

    public static void Summary(Utf8JsonWriter w, JobPosting p)
    {
        w.WriteStartObject();
        SummaryFields(w, p);
        w.WriteEndObject();
    }

    public static void Info(Utf8JsonWriter w, JobPosting p, bool expandJob, Viewer viewer)
    {
        var job = p.Job;
        var description = Description(p);
        w.WriteStartObject();
        SummaryFields(w, p);
        w.WriteString("descriptionPlain", description.Plain);
        w.WriteString("descriptionHtml", description.Html);
        w.WriteString("descriptionSocial", $"Join Northwind Labs as a {p.Title} in {job.Location.Name}.");
        w.WriteStartObject("descriptionParts");
        Part(w, "descriptionOpening", "<p>Northwind Labs builds tools teams love.</p>", "Northwind Labs builds tools teams love.");
        Part(w, "descriptionBody", description.Html, description.Plain);
        Part(w, "descriptionClosing", "<p>We are an equal opportunity employer.</p>", "We are an equal opportunity employer.");
        w.WriteEndObject();
        w.WriteStartArray("teamNameHierarchy");
        if (job.Department.Parent is { } parent) w.WriteStringValue(parent.Name);
        w.WriteStringValue(job.Department.Name);
        w.WriteEndArray();
        w.WriteStartObject("linkedData");
        w.WriteString("@context", "https://schema.org/");
        w.WriteString("@type", "JobPosting");
        w.WriteString("title", p.Title);
        w.WriteString("description", description.Html);
        w.WriteString("datePosted", Date(p.PublishedMs));
        w.WriteString("employmentType", Enums.EmploymentTypes[job.EmploymentType] switch { "FullTime" => "FULL_TIME", "PartTime" => "PART_TIME", "Intern" => "INTERN", "Contract" => "CONTRACTOR", _ => "TEMPORARY" });
        w.WriteStartObject("hiringOrganization");
        w.WriteString("@type", "Organization");
        w.WriteString("name", "Northwind Labs");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WritePropertyName("address");
        if (job.Location.Address is { } a)
        {
            w.WriteStartObject();
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
            w.WriteNullValue();
        }

        w.WriteBoolean("isRemote", p.WorkplaceType == 2);
        w.WriteStartObject("applicationFormDefinition");
        w.WriteStartArray("sections");
        w.WriteStartObject();
        w.WriteStartArray("fields");
        foreach (var (path, title, type) in new[] { ("_systemfield_name", "Name", "String"), ("_systemfield_email", "Email", "Email"), ("_systemfield_resume", "Resume", "File") })
        {
            w.WriteStartObject();
            w.WriteBoolean("isRequired", true);
            w.WriteStartObject("field");
            w.WriteString("path", path);
            w.WriteString("title", title);
            w.WriteString("type", type);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("surveyFormDefinitions");
        w.WriteEndArray();
        w.WriteBoolean("suppressDescriptionOpening", false);
        w.WriteBoolean("suppressDescriptionClosing", false);
        w.WriteStartObject("compensation");
        w.WriteNull("compensationTierSummary");
        w.WriteStartArray("summaryComponents");
        w.WriteEndArray();
        w.WriteStartArray("compensationTiers");
        w.WriteEndArray();
        w.WriteBoolean("shouldDisplayCompensationOnJobBoard", false);
        w.WriteEndObject();
        w.WriteNull("applicationLimitCalloutHtml");
        w.WriteNull("applicationFormDefinitionId");
        if (expandJob)
        {
            w.WritePropertyName("job");
            JobJson.Job(w, job, viewer);
        }

        w.WriteEndObject();
    }

    private static void SummaryFields(Utf8JsonWriter w, JobPosting p)
    {
        var job = p.Job;
        w.WriteString("id", p.Id);
        w.WriteString("title", p.Title);
        w.WriteString("jobId", job.Id);
        w.WriteString("departmentName", (job.Department.Parent ?? job.Department).Name);
        w.WriteString("teamName", job.Department.Name);
        w.WriteString("locationName", job.Location.Name);
        w.WriteStartObject("locationIds");
        w.WriteString("primaryLocationId", job.Location.Id);
        w.WriteStartArray("secondaryLocationIds");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("workplaceType", Enums.WorkplaceTypes[p.WorkplaceType]);
        w.WriteString("employmentType", Enums.EmploymentTypes[job.EmploymentType]);
        w.WriteBoolean("isListed", p.IsListed);
        w.WriteString("publishedDate", Date(p.PublishedMs));
        w.WriteStringOrNull("applicationDeadline", p.ApplicationDeadline);
        w.WriteString("externalLink", BoardUrl + p.Id.ToString());
        w.WriteString("applyLink", BoardUrl + p.Id.ToString() + "/application");
        w.WriteNull("compensationTierSummary");
        w.WriteBoolean("shouldDisplayCompensationOnJobBoard", false);
        w.WriteTime("updatedAt", p.UpdatedMs);
    }

    private static void Part(Utf8JsonWriter w, string name, string html, string plain)
    {
        w.WriteStartObject(name);
        w.WriteString("html", html);
        w.WriteString("plain", plain);
        w.WriteEndObject();
    }

    private static string Date(long ms) => DateTime.UnixEpoch.AddMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (string Html, string Plain) Description(JobPosting p)
    {
        var job = p.Job;
        var plain = $"As a {p.Title} on the {job.Department.Name} team you will own meaningful work from day one. "
            + $"You will work with a small, senior team based in {job.Location.Name}.\n\nWhat you bring: curiosity, clear writing and a bias to ship.";
        var html = $"<p>As a <strong>{WebUtility.HtmlEncode(p.Title)}</strong> on the {WebUtility.HtmlEncode(job.Department.Name)} team you will own meaningful work from day one. "
            + $"You will work with a small, senior team based in {WebUtility.HtmlEncode(job.Location.Name)}.</p><h2>What you bring</h2><ul><li>Curiosity</li><li>Clear writing</li><li>A bias to ship</li></ul>";
        return (html, plain);
    }
}
