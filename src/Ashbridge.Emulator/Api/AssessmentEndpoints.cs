using System.Text;
using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// <c>assessment.addCompletedToCandidate</c>, the one assessment endpoint Ashby itself answers that the emulator models.
/// <c>assessment.start</c>, <c>list</c>, <c>cancel</c> and <c>customField.list</c> are implemented by assessment partners
/// and called by Ashby, so the emulator (playing Ashby) does not answer them.
/// </summary>
internal static class AssessmentEndpoints
{
    private static readonly string[] ValueTypes = ["numeric_score", "numeric_duration_minutes", "url", "string", "boolean_success"];

    /// <summary>
    /// Records the completed assessment on the candidate (against their most recent active application, if any) and
    /// answers it back. No webhook: Ashby has no assessment webhook type.
    /// </summary>
    public static void AddCompletedToCandidate(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var candidateId) || !call.RequiredGuid("partnerId", out _)) return;
        if (!call.Present("assessment", out var assessment)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: assessment"); return; }
        if (assessment.ValueKind != JsonValueKind.Object) { call.FailParameter("assessment", "assessment must be an object"); return; }
        if (!call.Present("timestamp", out _)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: timestamp"); return; }
        if (!call.OptionalLong("timestamp", out var timestamp)) return;
        if (!Uuid(call, assessment, "assessmentTypeId", out var typeId) || !Uuid(call, assessment, "assessmentId", out var assessmentId)) return;
        if (!assessment.TryGetProperty("assessmentName", out var nameValue) || nameValue.ValueKind != JsonValueKind.String || nameValue.GetString()!.Length == 0)
        {
            call.Fail(ErrorCodes.InvalidInput, "assessment.assessmentName is required and must be a non-empty string");
            return;
        }

        if (!assessment.TryGetProperty("result", out var result) || !Field(call, "assessment.result", result)) { if (!call.Failed) call.Fail(ErrorCodes.InvalidInput, "assessment.result is required"); return; }
        if (!assessment.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Array) { call.Fail(ErrorCodes.InvalidInput, "assessment.metadata is required and must be an array"); return; }
        var i = 0;
        foreach (var m in metadata.EnumerateArray())
        {
            if (!Field(call, $"assessment.metadata[{i++}]", m)) return;
        }

        if (call.Org.FindCandidate(candidateId) is not { } candidate || !call.CanSee(candidate)) { call.NotFound(ErrorCodes.CandidateNotFound, "Candidate", candidateId); return; }
        var application = candidate.Applications.LastOrDefault(a => !a.Deleted && a.Status is ApplicationStatus.Active or ApplicationStatus.Lead && call.CanSee(a));
        var completed = new CompletedAssessment(
            assessmentId, typeId, nameValue.GetString()!, candidate.Id, application?.Id,
            Encoding.UTF8.GetBytes(result.GetRawText()), Encoding.UTF8.GetBytes(metadata.GetRawText()), timestamp!.Value);
        call.Org.CompletedAssessments.Add(completed);
        call.Success(w =>
        {
            w.WriteStartObject();
            if (completed.ApplicationId is { } applicationId) w.WriteString("applicationId", applicationId);
            w.WriteString("assessmentId", completed.AssessmentId);
            w.WriteString("assessmentName", completed.Name);
            w.WriteString("assessmentTypeId", completed.AssessmentTypeId);
            w.WriteString("candidateId", completed.CandidateId);
            w.WritePropertyName("metadata");
            w.WriteRawValue(completed.MetadataJson);
            w.WritePropertyName("result");
            w.WriteRawValue(completed.ResultJson);
            w.WriteEndObject();
        });
    }

    private static bool Uuid(AshbyCall call, JsonElement parent, string name, out Guid id)
    {
        id = default;
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParseExact(value.GetString(), "D", out id)) return true;
        return call.Fail(ErrorCodes.InvalidInput, $"assessment.{name} is required and must be a UUID");
    }

    /// <summary>A result or metadata field: identifier, label, type (one of Ashby's five) and a value of that type.</summary>
    private static bool Field(AshbyCall call, string at, JsonElement f)
    {
        if (f.ValueKind != JsonValueKind.Object) return call.Fail(ErrorCodes.InvalidInput, $"{at} must be an object");
        foreach (var name in (string[])["identifier", "label", "type"])
        {
            if (!f.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String) return call.Fail(ErrorCodes.InvalidInput, $"{at}.{name} is required and must be a string");
        }

        if (f.TryGetProperty("description", out var d) && d.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) return call.Fail(ErrorCodes.InvalidInput, $"{at}.description must be a string");
        var type = f.GetProperty("type").GetString()!;
        if (!ValueTypes.Contains(type)) return call.Fail(ErrorCodes.InvalidInput, $"{at}.type must be one of: {string.Join(", ", ValueTypes)}");
        if (!f.TryGetProperty("value", out var value)) return call.Fail(ErrorCodes.InvalidInput, $"{at}.value is required");
        var fits = type switch
        {
            "numeric_score" or "numeric_duration_minutes" => value.ValueKind == JsonValueKind.Number,
            "boolean_success" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => value.ValueKind == JsonValueKind.String,
        };
        return fits || call.Fail(ErrorCodes.InvalidInput, $"{at}.value does not match its type {type}");
    }
}
