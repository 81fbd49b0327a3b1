using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Survey form definitions, survey requests and survey submissions.</summary>
internal static class SurveyEndpoints
{
    private static readonly string[] RequestTypes = ["CandidateExperience"];
    private static readonly string[] SubmissionTypes = ["CandidateExperience", "Questionnaire"];

    public static void Register(EndpointTable table) => table
        .Read("surveyFormDefinition.list", Permissions.HiringProcessMetadataRead, ListForms)
        .Read("surveyFormDefinition.info", Permissions.HiringProcessMetadataRead, FormInfo)
        .Write("surveyRequest.create", Permissions.CandidatesWrite, CreateRequest)
        .Read("surveyRequest.list", Permissions.CandidatesRead, ListRequests)
        .Write("surveySubmission.create", Permissions.CandidatesWrite, CreateSubmission)
        .Read("surveySubmission.list", Permissions.CandidatesRead, ListSubmissions);

    /// <summary>Every form, archived ones included (the endpoint has no <c>includeArchived</c>; they carry <c>isArchived</c>).</summary>
    private static void ListForms(AshbyCall call) => Pager.List(call, call.Org.SurveyForms, (_, _) => true, (w, f) => OfferJson.SurveyForm(w, call.Org, f));

    private static void FormInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("surveyFormDefinitionId", out var id)) return;
        if (call.Org.FindSurveyForm(id) is { } f) call.Success(w => OfferJson.SurveyForm(w, call.Org, f));
        else call.NotFound(ErrorCodes.SurveyFormDefinitionNotFound, "Survey form definition", id);
    }

    /// <summary>The candidate, one of their applications and a live form; not found codes otherwise.</summary>
    private static bool Subjects(AshbyCall call, out Application application, out SurveyForm form)
    {
        application = null!;
        form = null!;
        if (!call.RequiredGuid("candidateId", out var candidateId) || !call.RequiredGuid("applicationId", out var applicationId) || !call.RequiredGuid("surveyFormDefinitionId", out var formId)) return false;
        if (call.Org.FindCandidate(candidateId) is not { } candidate || !call.CanSee(candidate)) return call.NotFound(ErrorCodes.CandidateNotFound, "Candidate", candidateId);
        if (call.Org.FindApplication(applicationId) is not { } a || !call.CanSee(a)) return call.NotFound(ErrorCodes.ApplicationNotFound, "Application", applicationId);
        if (a.Candidate != candidate) return call.Fail(ErrorCodes.InvalidInput, $"Application {applicationId} is not an application of candidate {candidateId}");
        if (call.Org.FindSurveyForm(formId) is not { IsArchived: false } f) return call.NotFound(ErrorCodes.SurveyFormDefinitionNotFound, "Survey form definition", formId);
        (application, form) = (a, f);
        return true;
    }

    /// <summary>Makes the request and its URL; Ashby sends nothing to the candidate (and no webhook).</summary>
    private static void CreateRequest(AshbyCall call)
    {
        if (!Subjects(call, out var a, out var form)) return;
        var now = call.NowMs;
        var request = new SurveyRequest { Id = call.Org.NewId(), Application = a, Form = form, Url = "", CreatedMs = now, UpdatedMs = now };
        request.Url = OfferRecordsGenerator.SurveyUrl(request.Id);
        call.Org.SurveyRequests.Add(request);
        call.Org.Touch(request, now);
        call.Success(w => OfferJson.SurveyRequest(w, request));
    }

    private static bool RequiredType(AshbyCall call, string[] allowed, out string type)
    {
        type = "";
        if (!call.Present("surveyType", out _)) return call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: surveyType");
        if (!call.OptionalEnum("surveyType", allowed, out var t)) return false;
        type = t!;
        return true;
    }

    private static void ListRequests(AshbyCall call)
    {
        if (!RequiredType(call, RequestTypes, out var type) || !call.CreatedRange(out var after, out _)) return;
        if (!call.OptionalGuid("applicationId", out var applicationId) || !call.OptionalGuid("candidateId", out var candidateId)) return;
        Pager.List(
            call,
            call.Org.SurveyRequests,
            (r, _) => r.Form.SurveyType == type && r.CreatedMs > after && call.CanSee(r.Application)
                && (applicationId is null || r.Application.Id == applicationId) && (candidateId is null || r.Application.Candidate.Id == candidateId),
            (w, r) => OfferJson.SurveyRequest(w, r));
    }

    /// <summary>
    /// <c>submittedValues</c> is an object keyed by the form's field paths (unknown paths and missing required fields are
    /// <c>invalid_input</c>); sends <c>surveySubmit</c>.
    /// </summary>
    private static void CreateSubmission(AshbyCall call)
    {
        if (!Subjects(call, out var a, out var form)) return;
        if (!call.Present("submittedValues", out var values)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: submittedValues"); return; }
        if (values.ValueKind != JsonValueKind.Object) { call.FailParameter("submittedValues", "submittedValues must be an object"); return; }
        foreach (var p in values.EnumerateObject())
        {
            if (Array.Find(form.Fields, f => f.Path == p.Name) is null) { call.Fail(ErrorCodes.InvalidInput, $"The survey form has no field with path {p.Name}"); return; }
        }

        if (Array.Find(form.Fields, f => f.IsRequired && (!values.TryGetProperty(f.Path, out var v) || v.ValueKind == JsonValueKind.Null)) is { } missing)
        {
            call.Fail(ErrorCodes.InvalidInput, $"submittedValues is missing the required field {missing.Title} (path {missing.Path})");
            return;
        }

        var now = call.NowMs;
        var submission = new SurveySubmission { Id = call.Org.NewId(), Application = a, Form = form, ValuesJson = values.GetRawText(), CreatedMs = now, UpdatedMs = now };
        call.Org.SurveySubmissions.Add(submission);
        call.Org.Touch(submission, now);
        call.Publish([OfferChanges.SurveySubmitted(submission)]);
        call.Success(w => OfferJson.SurveySubmission(w, submission));
    }

    private static void ListSubmissions(AshbyCall call)
    {
        if (!RequiredType(call, SubmissionTypes, out var type) || !call.CreatedRange(out var after, out _)) return;
        Pager.List(
            call,
            call.Org.SurveySubmissions,
            (s, _) => s.Form.SurveyType == type && s.CreatedMs > after && call.CanSee(s.Application),
            (w, s) => OfferJson.SurveySubmission(w, s));
    }
}
