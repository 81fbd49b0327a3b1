namespace Ashbridge.Ashby.Webhooks;

/// <summary>The webhook types (the payload's <c>action</c>, and <c>webhookType</c> of <c>webhook.create</c>).</summary>
public static class AshbyWebhookTypes
{
    /// <summary><c>applicationSubmit</c>: data <c>{application}</c>.</summary>
    public const string ApplicationSubmit = "applicationSubmit";
    /// <summary><c>applicationUpdate</c>: data <c>{application}</c>.</summary>
    public const string ApplicationUpdate = "applicationUpdate";
    /// <summary><c>candidateHire</c>: data <c>{application, offer?}</c>.</summary>
    public const string CandidateHire = "candidateHire";
    /// <summary><c>candidateStageChange</c>: data <c>{application}</c>.</summary>
    public const string CandidateStageChange = "candidateStageChange";
    /// <summary><c>candidateDelete</c>: data <c>{candidate: {id}}</c>.</summary>
    public const string CandidateDelete = "candidateDelete";
    /// <summary><c>candidateMerge</c>: data <c>{deletedCandidate: {id}, mergedCandidate: {id}}</c>.</summary>
    public const string CandidateMerge = "candidateMerge";
    /// <summary><c>interviewPlanTransition</c>.</summary>
    public const string InterviewPlanTransition = "interviewPlanTransition";
    /// <summary><c>interviewScheduleCreate</c>: data <c>{interviewSchedule}</c>.</summary>
    public const string InterviewScheduleCreate = "interviewScheduleCreate";
    /// <summary><c>interviewScheduleUpdate</c>: data <c>{interviewSchedule}</c>.</summary>
    public const string InterviewScheduleUpdate = "interviewScheduleUpdate";
    /// <summary><c>jobCreate</c>: data <c>{job}</c>.</summary>
    public const string JobCreate = "jobCreate";
    /// <summary><c>jobUpdate</c>: data <c>{job}</c>.</summary>
    public const string JobUpdate = "jobUpdate";
    /// <summary><c>jobPostingPublish</c>: data <c>{jobPosting}</c>.</summary>
    public const string JobPostingPublish = "jobPostingPublish";
    /// <summary><c>jobPostingUnpublish</c>: data <c>{jobPosting}</c>.</summary>
    public const string JobPostingUnpublish = "jobPostingUnpublish";
    /// <summary><c>jobPostingUpdate</c>: data <c>{jobPosting}</c>.</summary>
    public const string JobPostingUpdate = "jobPostingUpdate";
    /// <summary><c>jobPostingDelete</c>: the deleted posting's id and its job id (field names undocumented).</summary>
    public const string JobPostingDelete = "jobPostingDelete";
    /// <summary><c>offerCreate</c>: data <c>{offer}</c>.</summary>
    public const string OfferCreate = "offerCreate";
    /// <summary><c>offerUpdate</c>: data <c>{offer}</c>.</summary>
    public const string OfferUpdate = "offerUpdate";
    /// <summary><c>offerDelete</c>: data <c>{offer: {id, applicationId}}</c>.</summary>
    public const string OfferDelete = "offerDelete";
    /// <summary><c>openingCreate</c>: data <c>{opening}</c>.</summary>
    public const string OpeningCreate = "openingCreate";
    /// <summary><c>pushToHRIS</c>: data <c>{application}</c>.</summary>
    public const string PushToHris = "pushToHRIS";
    /// <summary><c>surveySubmit</c>: data <c>{surveySubmission}</c>.</summary>
    public const string SurveySubmit = "surveySubmit";
    /// <summary><c>signatureRequestUpdate</c>.</summary>
    public const string SignatureRequestUpdate = "signatureRequestUpdate";
    /// <summary><c>takeHomeAssignmentAssigned</c> (beta).</summary>
    public const string TakeHomeAssignmentAssigned = "takeHomeAssignmentAssigned";
    /// <summary><c>takeHomeAssignmentCancelled</c> (beta).</summary>
    public const string TakeHomeAssignmentCancelled = "takeHomeAssignmentCancelled";
    /// <summary><c>takeHomeAssignmentCompleted</c> (beta).</summary>
    public const string TakeHomeAssignmentCompleted = "takeHomeAssignmentCompleted";
    /// <summary><c>takeHomeAssignmentSubmitted</c> (beta).</summary>
    public const string TakeHomeAssignmentSubmitted = "takeHomeAssignmentSubmitted";
    /// <summary><c>ping</c>: sent when a webhook is created or edited; data <c>{webhookActionType: "ping"}</c>.</summary>
    public const string Ping = "ping";

    /// <summary>Every documented type.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ApplicationSubmit, ApplicationUpdate, CandidateHire, CandidateStageChange, CandidateDelete, CandidateMerge,
        InterviewPlanTransition, InterviewScheduleCreate, InterviewScheduleUpdate, JobCreate, JobUpdate,
        JobPostingPublish, JobPostingUnpublish, JobPostingUpdate, JobPostingDelete, OfferCreate, OfferUpdate, OfferDelete,
        OpeningCreate, PushToHris, SurveySubmit, SignatureRequestUpdate, TakeHomeAssignmentAssigned,
        TakeHomeAssignmentCancelled, TakeHomeAssignmentCompleted, TakeHomeAssignmentSubmitted, Ping,
    ];
}
