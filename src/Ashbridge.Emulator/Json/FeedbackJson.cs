using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Feedback form definitions, submitted feedback, criteria evaluations and form instances.</summary>
internal static class FeedbackJson
{
    /// <summary>The organisation id in form definitions (the emulated organisation has one fixed id per seed).</summary>
    public static Guid OrganizationId(Organization org) => new DeterministicRandom(org.Seed ^ 0x0B22_0060).NextGuid();

    public static void FormDefinition(Utf8JsonWriter w, FeedbackFormDefinition f, Guid organizationId)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("organizationId", organizationId);
        w.WriteString("title", f.Title);
        w.WriteBoolean("isArchived", f.IsArchived);
        w.WriteBoolean("isDefaultForm", f.IsDefault);
        w.WritePropertyName("formDefinition");
        Sections(w, f.Sections);
        w.WriteEndObject();
    }

    /// <summary>A form definition body: <c>{ sections: [{ title, fields: [{ isRequired, field }] }] }</c>.</summary>
    public static void Sections(Utf8JsonWriter w, FormSection[] sections)
    {
        w.WriteStartObject();
        w.WriteStartArray("sections");
        foreach (var s in sections)
        {
            w.WriteStartObject();
            if (s.Title is { } title) w.WriteString("title", title);
            w.WriteStartArray("fields");
            foreach (var f in s.Fields)
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
                if (f.Options is { } options)
                {
                    w.WriteStartArray("selectableValues");
                    foreach (var o in options)
                    {
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

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One submitted feedback form as applicationFeedback.list returns it.</summary>
    public static void Submission(Utf8JsonWriter w, FeedbackSubmission s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WritePropertyName("formDefinition");
        Sections(w, s.Form.Sections);
        w.WritePropertyName("submittedValues");
        SubmittedValues(w, s);
        w.WritePropertyName("submittedByUser");
        ApplicationJson.User(w, s.SubmittedBy);
        if (s.InterviewEventId is { } eventId) w.WriteString("interviewEventId", eventId);
        w.WriteString("feedbackFormDefinitionId", s.Form.Id);
        if (s.ApplicationHistoryId is { } historyId) w.WriteString("applicationHistoryId", historyId);
        w.WriteString("applicationId", s.Application.Id);
        w.WriteTime("submittedAt", s.CreatedMs);
        w.WriteEndObject();
    }

    /// <summary>The submitted form instance applicationFeedback.submit and applicationForm.submit answer with.</summary>
    public static void FormInstance(Utf8JsonWriter w, Guid id, FormSection[] sections, byte[] submittedJson)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WritePropertyName("formDefinition");
        Sections(w, sections);
        w.WritePropertyName("submittedValues");
        w.WriteRawValue(submittedJson, skipInputValidation: true);
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>submittedValues</c>: keyed by field path. Scores are strings ("4") and the recommendation the option's value, as
    /// in the document's example answer of applicationFeedback.list.
    /// </summary>
    public static void SubmittedValues(Utf8JsonWriter w, FeedbackSubmission s)
    {
        if (s.SubmittedJson is { } raw)
        {
            w.WriteRawValue(raw, skipInputValidation: true);
            return;
        }

        var fields = s.Form.Sections[0].Fields;
        w.WriteStartObject();
        w.WriteString(fields[0].Path, ApplicationRecordsGenerator.Recommendations[s.Recommendation].Value);
        w.WriteString(fields[1].Path, ScoreText(s.TechnicalScore));
        w.WriteString(fields[2].Path, ScoreText(s.CommunicationScore));
        w.WriteString(fields[3].Path, ApplicationRecordsGenerator.Notes[s.NoteIndex]);
        w.WriteEndObject();
    }

    public static void Evaluation(Utf8JsonWriter w, CriteriaEvaluation e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteStartObject("criterion");
        w.WriteString("id", e.Criterion.Id);
        w.WriteString("title", e.Criterion.Title);
        w.WriteString("type", e.Criterion.Type);
        w.WriteString("prompt", e.Criterion.Prompt);
        w.WriteNull("applicationFormDefinitionId");
        w.WriteNull("applicationFormFieldPath");
        w.WriteEndObject();
        w.WriteString("status", e.Status);
        w.WriteStringOrNull("outcome", e.Outcome);
        w.WriteStringOrNull("reasoning", e.Reasoning);
        w.WriteStringOrNull("skipReason", e.SkipReason);
        w.WritePropertyName("outcomeNumber");
        if (e.OutcomeNumber is { } n) w.WriteNumberValue(n);
        else w.WriteNullValue();
        w.WriteTime("evaluatedAt", e.EvaluatedMs);
        w.WriteEndObject();
    }

    private static string ScoreText(byte score) => score switch { 1 => "1", 2 => "2", 3 => "3", _ => "4" };
}
