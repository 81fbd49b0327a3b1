namespace Ashbridge.Emulator.Data;

/// <summary>An offer process on an application (<c>offerProcess.start</c>): the offer it produced once <c>offer.create</c> ran.</summary>
internal sealed class OfferProcess
{
    public Guid Id;
    public required Application Application;
    public Offer? Offer;
    public long CreatedMs;

    /// <summary>Ashby's process status, derived from the offer (<c>WaitingOnOfferCreation</c> before there is one).</summary>
    public string Status => Offer?.OfferStatus switch
    {
        null => "WaitingOnOfferCreation",
        "WaitingOnApprovalDefinition" => "WaitingOnApprovalStart",
        { } s => s,
    };
}

/// <summary>One field of a form (offer form, survey form): a type, a path submissions name it by, a title, options for selects.</summary>
internal sealed class OfferFormField
{
    public Guid Id;
    public required string Type;
    public required string Path;
    public required string Title;
    public bool IsRequired;
    public SelectableValue[] Options = [];

    /// <summary>The offer custom field this form field writes (null for the start date, salary and opening fields).</summary>
    public CustomFieldDefinition? CustomField;
}

/// <summary>An approver of a step: a user, their decision (<c>approve</c>, <c>reject</c>, <c>pending</c>) and when.</summary>
internal sealed class Approver
{
    public Guid Id;
    public required User User;
    public string Decision = "pending";
    public long? DecidedMs;
    public long? RequestedMs;
}

internal sealed class ApprovalStep
{
    public Guid Id;
    public int ApprovalsRequired;
    public long? CompletedMs;
    public List<Approver> Approvers = [];

    public bool IsComplete => CompletedMs is not null;
}

/// <summary>An approval of an offer, job or opening (<c>approval.list</c>); the offer's latest one drives its approval status.</summary>
internal sealed class Approval : Row
{
    public Guid DefinitionId;

    /// <summary><c>offer</c>, <c>job</c> or <c>opening</c>.</summary>
    public required string EntityType;
    public Guid EntityId;
    public long? SubmittedMs;
    public long? CompletedMs;
    public List<ApprovalStep> Steps = [];

    public ApprovalStep? CurrentStep => Steps.Find(s => !s.IsComplete);
}

/// <summary>An approval definition set through <c>approvalDefinition.update</c>: steps of approvers, each needing some approvals.</summary>
internal sealed class ApprovalDefinition
{
    public Guid Id;
    public Guid EntityId;
    public List<(int ApprovalsRequired, User[] Approvers)> Steps = [];
}

/// <summary>A survey form (<c>surveyFormDefinition.list</c>).</summary>
internal sealed class SurveyForm : Row
{
    public required string Title;

    /// <summary><c>CandidateDataConsent</c>, <c>CandidateExperience</c>, <c>Diversity</c>, <c>EEOC</c> or <c>Questionnaire</c>.</summary>
    public required string SurveyType;
    public bool IsArchived;
    public bool IsDefaultForm;
    public OfferFormField[] Fields = [];
}

/// <summary>A survey request: a link sent to a candidate for one application.</summary>
internal sealed class SurveyRequest : Row
{
    public required Application Application;
    public required SurveyForm Form;
    public required string Url;
}

/// <summary>A survey submission; its values are kept as the JSON object submitted.</summary>
internal sealed class SurveySubmission : Row
{
    public required Application Application;
    public required SurveyForm Form;
    public required string ValuesJson;
}

/// <summary>A saved report, whose rows are computed from the organisation when it is generated.</summary>
internal sealed class SavedReport
{
    public Guid Id;
    public required string Title;
    public required ReportKind Kind;
    public long UpdatedMs;
}

internal enum ReportKind { HiresByDepartment, ApplicationsBySource, OpenJobsByDepartment, OffersByStatus }

/// <summary>One <c>report.generate</c> run: in progress until polled, then complete with the data of that moment.</summary>
internal sealed class ReportRun
{
    public required string RequestId;
    public required SavedReport Report;
    public long StartedMs;
    public bool IncludeHeaders;
    public long? GeneratedMs;
}
