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

    private const string OpeningHtml = "<p>Northwind Labs builds tools teams love.</p>";
    private const string OpeningPlain = "Northwind Labs builds tools teams love.";
    private const string ClosingHtml = "<p>We are an equal opportunity employer.</p>";
    private const string ClosingPlain = "We are an equal opportunity employer.";

    /// <summary>
    /// The <c>jobPosting.info</c> shape: <c>descriptionHtml</c>/<c>descriptionPlain</c> are the opening, the body and the
    /// closing (each part left out when suppressed); the application form's system fields carry the organisation's field ids.
    /// </summary>
    public static void Info(Utf8JsonWriter w, JobPosting p, bool expandJob, Viewer viewer, IReadOnlyList<Guid> formFieldIds)
    {
        var job = p.Job;
        var body = Description(p);
        var html = (p.SuppressDescriptionOpening ? "" : OpeningHtml) + body.Html + (p.SuppressDescriptionClosing ? "" : ClosingHtml);
        var plain = string.Join("\n\n", new[] { p.SuppressDescriptionOpening ? null : OpeningPlain, body.Plain, p.SuppressDescriptionClosing ? null : ClosingPlain }.Where(x => x is not null));
        w.WriteStartObject();
        SummaryFields(w, p);
        w.WriteString("descriptionPlain", plain);
        w.WriteString("descriptionHtml", html);
        w.WriteString("descriptionSocial", $"Join Northwind Labs as a {p.Title} in {job.Location.Name}.");
        w.WriteStartObject("descriptionParts");
        Part(w, "descriptionOpening", OpeningHtml, OpeningPlain);
        Part(w, "descriptionBody", body.Html, body.Plain);
        Part(w, "descriptionClosing", ClosingHtml, ClosingPlain);
        w.WriteEndObject();
        w.WriteStartArray("teamNameHierarchy");
        if (job.Department.Parent is { } parent) w.WriteStringValue(parent.Name);
        w.WriteStringValue(job.Department.Name);
        w.WriteEndArray();
        w.WriteStartObject("linkedData");
        w.WriteString("@context", "https://schema.org/");
        w.WriteString("@type", "JobPosting");
        w.WriteString("title", p.Title);
        w.WriteString("description", html);
        w.WriteString("datePosted", Date(p.PublishedMs));
        w.WriteString("employmentType", Enums.EmploymentTypes[job.EmploymentType] switch { "FullTime" => "FULL_TIME", "PartTime" => "PART_TIME", "Intern" => "INTERN", "Contract" => "CONTRACTOR", _ => "TEMPORARY" });
        w.WriteStartObject("hiringOrganization");
        w.WriteString("@type", "Organization");
        w.WriteString("name", "Northwind Labs");
        w.WriteEndObject();
        w.WriteEndObject();
        if (job.Location.Address is { } a)
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

        w.WriteBoolean("isRemote", p.WorkplaceType == 2);
        w.WriteStartObject("applicationFormDefinition");
        w.WriteStartArray("sections");
        w.WriteStartObject();
        w.WriteStartArray("fields");
        for (var i = 0; i < SystemFields.Length; i++)
        {
            var (path, title, type) = SystemFields[i];
            w.WriteStartObject();
            w.WriteBoolean("isRequired", true);
            w.WriteStartObject("field");
            w.WriteString("id", formFieldIds[i]);
            w.WriteString("path", path);
            w.WriteString("humanReadablePath", title);
            w.WriteString("title", title);
            w.WriteString("type", type);
            w.WriteBoolean("isNullable", false);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("surveyFormDefinitions");
        w.WriteEndArray();
        w.WriteBoolean("suppressDescriptionOpening", p.SuppressDescriptionOpening);
        w.WriteBoolean("suppressDescriptionClosing", p.SuppressDescriptionClosing);
        w.WriteStartObject("compensation");
        w.WriteStringIfAny("compensationTierSummary", TierSummary(job));
        w.WriteStartArray("summaryComponents");
        if (job.CompensationTiers.Count > 0)
        {
            foreach (var c in job.CompensationTiers[0].Components) JobJson.Component(w, c, includeSummary: false);
        }

        w.WriteEndArray();
        JobJson.CompensationTiers(w, job);
        w.WriteBoolean("shouldDisplayCompensationOnJobBoard", job.CompensationTiers.Count > 0);
        w.WriteEndObject();
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
        // Ashby's changelog (2026-05-26): publishedDate is null for unpublished postings (the document still types it a string).
        if (p.IsPublished) w.WriteString("publishedDate", Date(p.PublishedMs));
        else w.WriteNull("publishedDate");
        w.WriteStringIfAny("applicationDeadline", p.ApplicationDeadline);
        w.WriteString("externalLink", BoardUrl + p.Id.ToString());
        w.WriteString("applyLink", BoardUrl + p.Id.ToString() + "/application");
        w.WriteStringIfAny("compensationTierSummary", TierSummary(job));
        w.WriteBoolean("shouldDisplayCompensationOnJobBoard", job.CompensationTiers.Count > 0);
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

    private static readonly (string Path, string Title, string Type)[] SystemFields =
        [("_systemfield_name", "Name", "String"), ("_systemfield_email", "Email", "Email"), ("_systemfield_resume", "Resume", "File")];

    private static string? TierSummary(Job job) => job.CompensationTiers.Count == 0 ? null : string.Join(" or ", job.CompensationTiers.Select(JobJson.TierSummary));

    /// <summary>The body of the description: the one set through <c>jobPosting.update</c>, else the generated one.</summary>
    private static (string Html, string Plain) Description(JobPosting p)
    {
        if (p.DescriptionBodyHtml is { } set) return (set, PlainText(set));
        var job = p.Job;
        var plain = $"As a {p.Title} on the {job.Department.Name} team you will own meaningful work from day one. "
            + $"You will work with a small, senior team based in {job.Location.Name}.\n\nWhat you bring: curiosity, clear writing and a bias to ship.";
        var html = $"<p>As a <strong>{WebUtility.HtmlEncode(p.Title)}</strong> on the {WebUtility.HtmlEncode(job.Department.Name)} team you will own meaningful work from day one. "
            + $"You will work with a small, senior team based in {WebUtility.HtmlEncode(job.Location.Name)}.</p><h2>What you bring</h2><ul><li>Curiosity</li><li>Clear writing</li><li>A bias to ship</li></ul>";
        return (html, plain);
    }

    /// <summary>The text of an HTML fragment: tags dropped, block ends as blank lines, entities decoded.</summary>
    public static string PlainText(string html)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(html, "</(p|h[1-6]|li|ul|ol|pre)>|<br ?/?>", "\n");
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", "");
        return WebUtility.HtmlDecode(text).Trim();
    }
}
