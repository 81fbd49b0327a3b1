namespace Ashbridge.Emulator.Data;

/// <summary>A selectable value of a form field (<c>label</c> shown, <c>value</c> submitted).</summary>
internal sealed record FormOption(string Label, string Value);

/// <summary>One field of a form definition: <c>path</c> is the key of its value in <c>submittedValues</c>.</summary>
internal sealed record FormField(Guid Id, string Path, string Title, string Type, bool IsRequired, FormOption[]? Options = null);

/// <summary>A titled section of a form definition.</summary>
internal sealed record FormSection(string? Title, FormField[] Fields);

/// <summary>An interview feedback form (scorecard) of the organisation.</summary>
internal sealed class FeedbackFormDefinition : Row
{
    public required string Title;
    public bool IsArchived;
    public bool IsDefault;
    public FormSection[] Sections = [];

    public FormField? FindField(string path)
    {
        foreach (var s in Sections)
        {
            foreach (var f in s.Fields)
            {
                if (f.Path == path) return f;
            }
        }

        return null;
    }
}

/// <summary>
/// A submitted feedback form on an application. Generated ones keep their answers in three small numbers (recommendation,
/// two scores, a note from a pool); ones submitted through the API keep the <c>submittedValues</c> object as JSON bytes.
/// </summary>
internal sealed class FeedbackSubmission : Row
{
    public required Application Application;
    public required FeedbackFormDefinition Form;
    public required User SubmittedBy;
    public Guid? ApplicationHistoryId;
    public Guid? InterviewEventId;
    public byte Recommendation;
    public byte TechnicalScore;
    public byte CommunicationScore;
    public short NoteIndex;
    public byte[]? SubmittedJson;
}

/// <summary>An AI application review criterion of a job.</summary>
internal sealed record Criterion(Guid Id, string Title, string Type, string Prompt);

/// <summary>A completed assessment a partner added to a candidate (<c>assessment.addCompletedToCandidate</c>).</summary>
internal sealed record CompletedAssessment(Guid AssessmentId, Guid AssessmentTypeId, string Name, Guid CandidateId, Guid? ApplicationId, byte[] ResultJson, byte[] MetadataJson, long CompletedMs);
