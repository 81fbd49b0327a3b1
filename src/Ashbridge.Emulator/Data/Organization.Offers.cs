namespace Ashbridge.Emulator.Data;

/// <summary>Offer processes and forms, approvals, surveys and reports (filled by <see cref="OfferRecordsGenerator"/>).</summary>
internal sealed partial class Organization
{
    public Dictionary<Guid, OfferProcess> OfferProcesses { get; } = [];

    /// <summary>Offer form instances handed out by <c>offer.start</c>, each for one process and usable once.</summary>
    public Dictionary<Guid, OfferProcess> OfferForms { get; } = [];

    /// <summary>The offer form's own fields (start date, salary, opening); offer custom fields follow them on every form.</summary>
    public OfferFormField[] OfferSystemFields { get; set; } = [];

    public List<Approval> Approvals { get; } = [];

    /// <summary>The latest approval of each entity (offer, job or opening), by entity id.</summary>
    public Dictionary<Guid, Approval> LatestApproval { get; } = [];

    /// <summary>Approval definitions set through the API, by entity id.</summary>
    public Dictionary<Guid, ApprovalDefinition> ApprovalDefinitions { get; } = [];

    /// <summary>The id <c>surveyFormDefinition</c> answers carry as <c>organizationId</c>.</summary>
    public Guid SurveyOrganizationId { get; set; }

    public List<SurveyForm> SurveyForms { get; } = [];
    public List<SurveyRequest> SurveyRequests { get; } = [];
    public List<SurveySubmission> SurveySubmissions { get; } = [];
    public List<SavedReport> Reports { get; } = [];
    public Dictionary<string, ReportRun> ReportRuns { get; } = new(StringComparer.Ordinal);

    /// <summary>When report operations started (report.generate without requestId, report.synchronous), for the per-minute limit.</summary>
    public Queue<long> ReportStarts { get; } = new();

    public SurveyForm? FindSurveyForm(Guid id) => SurveyForms.Find(f => f.Id == id);

    public SavedReport? FindReport(Guid id) => Reports.Find(r => r.Id == id);

    /// <summary>The offer a version belongs to (and the version), or null.</summary>
    public (Offer Offer, OfferVersion Version)? FindOfferVersion(Guid versionId)
    {
        foreach (var o in Offers)
        {
            if (o.Deleted) continue;
            foreach (var v in o.Versions)
            {
                if (v.Id == versionId) return (o, v);
            }
        }

        return null;
    }

    /// <summary>The form fields of an offer form: the system fields, then every live offer custom field.</summary>
    public IEnumerable<OfferFormField> OfferFormFields()
    {
        foreach (var f in OfferSystemFields) yield return f;
        foreach (var c in CustomFields)
        {
            if (c.ObjectType != "Offer" || c.IsArchived) continue;
            yield return new OfferFormField { Id = c.Id, Type = c.FieldType, Path = c.Id.ToString(), Title = c.Title, IsRequired = c.IsRequired, Options = c.Options, CustomField = c };
        }
    }
}
