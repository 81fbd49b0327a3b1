using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>
/// Offers with their latest version (list, webhook) or every version and the offer form (info and the offer writes);
/// offer processes and forms; approvals; survey forms, requests and submissions.
/// </summary>
internal static class OfferJson
{
    /// <summary>
    /// An offer. <c>decidedAt</c> is left out until the candidate decides and <c>openingId</c> when the offer has no
    /// opening: the document types both as plain strings (it marks <c>approvalStatus</c> nullable explicitly).
    /// </summary>
    public static void Offer(Utf8JsonWriter w, Offer o, bool withVersions = false, Organization? formOf = null)
    {
        w.WriteStartObject();
        w.WriteString("id", o.Id);
        if (o.DecidedMs is { } decided) w.WriteTime("decidedAt", decided);
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

        if (formOf is not null)
        {
            w.WritePropertyName("formDefinition");
            OfferForm(w, formOf, o.Application.Job);
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
        if (v.Opening is { } opening) w.WriteString("openingId", opening.Id);

        // Offer custom fields are always visible, private ones included (Ashby's rule since 2026-02-23).
        MetadataJson.Values(w, v.CustomFields, Viewer.Everything);
        w.WriteStartArray("fileHandles");
        w.WriteEndArray();
        OrganizationJson.UserOrNull(w, "author", v.Author);
        w.WriteStringOrNull("approvalStatus", v.ApprovalStatus);
        w.WriteEndObject();
    }

    /// <summary>The offer form for a job: start date, salary, the job's openings to choose from, then the offer custom fields.</summary>
    public static void OfferForm(Utf8JsonWriter w, Organization org, Job job)
    {
        w.WriteStartObject();
        w.WriteStartArray("sections");
        w.WriteStartObject();
        w.WriteStartArray("fields");
        foreach (var f in org.OfferFormFields())
        {
            SelectableValue[] options = f.Type == "ValueSelect" && f.CustomField is null
                ? [.. job.Openings.Where(o => !o.Deleted).Select(o => new SelectableValue(o.Identifier, o.Id.ToString(), false))]
                : f.Options;
            Field(w, f, options);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A form definition with one section holding every field.</summary>
    public static void Form(Utf8JsonWriter w, OfferFormField[] fields)
    {
        w.WriteStartObject();
        w.WriteStartArray("sections");
        w.WriteStartObject();
        w.WriteStartArray("fields");
        foreach (var f in fields) Field(w, f, f.Options);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter w, OfferFormField f, IReadOnlyList<SelectableValue> options)
    {
        w.WriteStartObject();
        w.WriteBoolean("isRequired", f.IsRequired);
        w.WriteStartObject("field");
        w.WriteString("id", f.Id);
        w.WriteString("type", f.Type);
        w.WriteString("path", f.Path);
        w.WriteString("humanReadablePath", f.Title);
        w.WriteString("title", f.Title);
        w.WriteBoolean("isNullable", !f.IsRequired);
        if (f.Type is "ValueSelect" or "MultiValueSelect")
        {
            w.WriteStartArray("selectableValues");
            foreach (var o in options)
            {
                if (o.IsArchived) continue;
                w.WriteStartObject();
                w.WriteString("label", o.Label);
                w.WriteString("value", o.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Process(Utf8JsonWriter w, OfferProcess p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("applicationId", p.Application.Id);
        w.WriteString("status", p.Status);
        w.WriteEndObject();
    }

    /// <summary>An approval; times not reached yet (submission, completion, decisions) are left out, as the document types them as plain strings.</summary>
    public static void Approval(Utf8JsonWriter w, Approval a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("approvalDefinitionId", a.DefinitionId);
        w.WriteString("entityId", a.EntityId);
        w.WriteString("entityType", a.EntityType);
        w.WriteTime("createdAt", a.CreatedMs);
        if (a.SubmittedMs is { } submitted) w.WriteTime("submittedAt", submitted);
        if (a.CompletedMs is { } completed) w.WriteTime("completedAt", completed);
        w.WriteStartArray("steps");
        foreach (var s in a.Steps)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteNumber("approvalsRequired", s.ApprovalsRequired);
            if (s.CompletedMs is { } done) w.WriteTime("completedAt", done);
            w.WriteStartArray("approvers");
            foreach (var p in s.Approvers)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("userId", p.User.Id);
                w.WriteString("decision", p.Decision);
                if (p.DecidedMs is { } decided) w.WriteTime("decidedAt", decided);
                if (p.RequestedMs is { } requested) w.WriteTime("requestedAt", requested);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Definition(Utf8JsonWriter w, ApprovalDefinition d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("entityType", "Offer");
        w.WriteString("entityId", d.EntityId);
        w.WriteStartArray("approvalStepDefinitions");
        foreach (var (required, approvers) in d.Steps)
        {
            w.WriteStartObject();
            w.WriteNumber("approvalsRequired", required);
            w.WriteStartArray("approvers");
            foreach (var u in approvers)
            {
                w.WriteStartObject();
                w.WriteString("userId", u.Id);
                w.WriteString("type", "user");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void SurveyForm(Utf8JsonWriter w, Organization org, SurveyForm f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("organizationId", org.SurveyOrganizationId);
        w.WriteString("title", f.Title);
        w.WriteBoolean("isArchived", f.IsArchived);
        w.WriteBoolean("isDefaultForm", f.IsDefaultForm);
        w.WriteString("surveyType", f.SurveyType);
        w.WritePropertyName("formDefinition");
        Form(w, f.Fields);
        w.WriteEndObject();
    }

    public static void SurveyRequest(Utf8JsonWriter w, SurveyRequest r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("candidateId", r.Application.Candidate.Id);
        w.WriteString("applicationId", r.Application.Id);
        w.WriteString("surveyFormDefinitionId", r.Form.Id);
        w.WriteString("surveyUrl", r.Url);
        w.WriteEndObject();
    }

    /// <summary>A submission; <paramref name="withValues"/> false leaves the answers out (diversity and EEOC surveys in webhooks).</summary>
    public static void SurveySubmission(Utf8JsonWriter w, SurveySubmission s, bool withValues = true)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("surveyFormDefinitionId", s.Form.Id);
        w.WriteTime("submittedAt", s.CreatedMs);
        w.WriteString("candidateId", s.Application.Candidate.Id);
        w.WriteString("applicationId", s.Application.Id);
        w.WriteString("surveyType", s.Form.SurveyType);
        w.WritePropertyName("formDefinition");
        Form(w, s.Form.Fields);
        if (withValues)
        {
            w.WritePropertyName("submittedValues");
            w.WriteRawValue(s.ValuesJson, skipInputValidation: true);
        }

        w.WriteEndObject();
    }
}
