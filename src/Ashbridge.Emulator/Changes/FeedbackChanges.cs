using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>What applicationFeedback.submit and applicationForm.submit do to the organisation.</summary>
internal static class FeedbackChanges
{
    /// <summary>Stores submitted feedback (no webhook: Ashby has no feedback webhook type).</summary>
    public static FeedbackSubmission Submit(Organization org, long now, Application a, FeedbackFormDefinition form, User by, Guid? interviewEventId, byte[] submittedJson)
    {
        var history = ApplicationHistory.Of(a);
        var s = new FeedbackSubmission
        {
            Id = org.NewId(), Application = a, Form = form, SubmittedBy = by, InterviewEventId = interviewEventId,
            ApplicationHistoryId = history.Count > 0 ? history[^1].Id : null, CreatedMs = now, UpdatedMs = now, SubmittedJson = submittedJson,
        };
        org.Feedback.Add(s);
        org.Touch(s, now);
        return s;
    }

    /// <summary>
    /// A candidate applies through a job board: a new candidate (or the existing one with that email) and an application on
    /// the posting's job at the plan's first PreInterviewScreen stage, credited to the posting. Sends <c>applicationSubmit</c>
    /// (a candidate's own submission, unlike integration-created applications).
    /// </summary>
    public static (Application Application, Guid FormInstanceId, IReadOnlyList<WebhookEvent> Events) SubmitApplication(
        Organization org, long now, JobPosting posting, string name, string email, string? phone, Tag[] tags, byte[] submittedJson)
    {
        var candidate = org.Candidates.Find(c => !c.Deleted && c.Emails.Any(e => string.Equals(e.Value, email, StringComparison.OrdinalIgnoreCase)))
            ?? CandidateChanges.Create(org, now, new CandidateChanges.Details(Name: name, Email: email, PhoneNumber: phone));
        foreach (var tag in tags)
        {
            if (!candidate.Tags.Contains(tag)) CandidateChanges.AddTag(org, now, candidate, tag);
        }

        var job = posting.Job;
        var a = ApplicationChanges.Create(org, now, candidate, job, job.Plan.FirstOf(StageType.PreInterviewScreen), null, null, null);
        a.AppliedViaPosting = posting;
        var formId = org.NewId();
        org.ApplicationsByFormInstance[formId] = a;
        org.FormSubmissions[a] = (formId, submittedJson);
        return (a, formId, [WebhookPayloads.Application("applicationSubmit", a)]);
    }
}
