namespace Ashbridge.Emulator.Data;

/// <summary>Feedback forms and submissions, criteria, form submissions and assessments of applications.</summary>
internal sealed partial class Organization
{
    public List<FeedbackFormDefinition> FeedbackForms { get; } = [];

    /// <summary>Submitted feedback in creation order (the order applicationFeedback.list serves).</summary>
    public List<FeedbackSubmission> Feedback { get; } = [];

    /// <summary>The AI review criteria of jobs that have them.</summary>
    public Dictionary<Job, Criterion[]> JobCriteria { get; } = [];

    /// <summary>Applications made through applicationForm.submit, by their submitted form instance id.</summary>
    public Dictionary<Guid, Application> ApplicationsByFormInstance { get; } = [];

    /// <summary>The submitted application form (instance id and submittedValues JSON) of applications made through it.</summary>
    public Dictionary<Application, (Guid Id, byte[] Json)> FormSubmissions { get; } = [];

    public List<CompletedAssessment> CompletedAssessments { get; } = [];

    public FeedbackFormDefinition? FindFeedbackForm(Guid id) => FeedbackForms.Find(f => f.Id == id);
}
