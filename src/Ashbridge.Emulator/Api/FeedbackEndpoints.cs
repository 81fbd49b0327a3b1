using System.Buffers;
using System.Text.Json;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Submitted interview feedback and the feedback forms (registered from <see cref="ApplicationEndpoints"/>).</summary>
internal static class FeedbackEndpoints
{
    /// <summary><c>applicationId</c> narrows to one application; <c>createdAfter</c> compares with the submission time.</summary>
    public static void List(AshbyCall call)
    {
        if (!call.CreatedRange(out var after, out _) || !call.OptionalGuid("applicationId", out var applicationId)) return;
        if (applicationId is { } id && ApplicationEndpoints.Find(call, id) is null) return;
        Pager.List(
            call,
            call.Org.Feedback,
            (s, _) => call.CanSee(s.Application) && s.CreatedMs > after && (applicationId is null || s.Application.Id == applicationId),
            FeedbackJson.Submission);
    }

    /// <summary>Archived forms are listed only with <c>includeArchived</c> (and in incremental passes, so a mirror sees the archival).</summary>
    public static void FormList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        var organizationId = FeedbackJson.OrganizationId(call.Org);
        Pager.List(call, call.Org.FeedbackForms, (f, incremental) => includeArchived || incremental || !f.IsArchived, (w, f) => FeedbackJson.FormDefinition(w, f, organizationId));
    }

    public static void FormInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("feedbackFormDefinitionId", out var id)) return;
        if (call.Org.FindFeedbackForm(id) is not { } form) { call.NotFound(ErrorCodes.FeedbackFormDefinitionNotFound, "Feedback form definition", id); return; }
        call.Success(w => FeedbackJson.FormDefinition(w, form, FeedbackJson.OrganizationId(call.Org)));
    }

    /// <summary>
    /// Checks every field submission against the form (known path, value of the field's type, required fields present),
    /// stores the feedback and answers the submitted form instance. <c>userId</c> defaults to the organisation's first
    /// admin; <c>interviewEventId</c> is kept as given (the emulator has no interview events to check it against).
    /// </summary>
    public static void Submit(AshbyCall call)
    {
        if (!call.RequiredGuid("formDefinitionId", out var formId) || !call.RequiredGuid("applicationId", out var applicationId)) return;
        if (!call.OptionalGuid("userId", out var userId) || !call.OptionalGuid("interviewEventId", out var eventId)) return;
        if (eventId is not null && userId is null) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: userId (required with interviewEventId)"); return; }
        if (!call.Present("feedbackForm", out var form)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: feedbackForm"); return; }
        if (form.ValueKind != JsonValueKind.Object) { call.FailParameter("feedbackForm", "feedbackForm must be an object"); return; }
        if (ApplicationEndpoints.Find(call, applicationId) is not { } a) return;
        if (call.Org.FindFeedbackForm(formId) is not { } definition || definition.IsArchived) { call.NotFound(ErrorCodes.FeedbackFormDefinitionNotFound, "Feedback form definition", formId); return; }
        User user;
        if (userId is { } u)
        {
            if (call.Org.FindUser(u) is not { } found) { call.NotFound(ErrorCodes.UserNotFound, "User", u); return; }
            user = found;
        }
        else
        {
            user = call.Org.Users[0];
        }

        if (FormValues.Read(call, "feedbackForm", form, definition.FindField, definition.Sections) is not { } json) return;
        var s = FeedbackChanges.Submit(call.Org, call.NowMs, a, definition, user, eventId, json);
        call.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("submittedFormInstance");
            FeedbackJson.FormInstance(w, s.Id, definition.Sections, json);
            w.WriteEndObject();
        });
    }
}

/// <summary>Reads <c>{ fieldSubmissions: [{ path, value }] }</c> against a form definition into a <c>submittedValues</c> object.</summary>
internal static class FormValues
{
    public static byte[]? Read(AshbyCall call, string name, JsonElement form, Func<string, FormField?> find, FormSection[] sections)
    {
        if (!form.TryGetProperty("fieldSubmissions", out var submissions) || submissions.ValueKind == JsonValueKind.Null)
        {
            call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {name}.fieldSubmissions");
            return null;
        }

        if (submissions.ValueKind != JsonValueKind.Array) { call.FailParameter($"{name}.fieldSubmissions", $"{name}.fieldSubmissions must be an array"); return null; }
        var buffer = new ArrayBufferWriter<byte>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            w.WriteStartObject();
            var i = 0;
            foreach (var item in submissions.EnumerateArray())
            {
                var at = $"{name}.fieldSubmissions[{i++}]";
                if (item.ValueKind != JsonValueKind.Object) { call.FailParameter(at, $"{at} must be an object"); return null; }
                if (!item.TryGetProperty("path", out var pathValue) || pathValue.ValueKind != JsonValueKind.String) { call.Fail(ErrorCodes.InvalidInput, $"{at}.path is required"); return null; }
                var path = pathValue.GetString()!;
                if (find(path) is not { } field) { call.Fail(ErrorCodes.InvalidInput, $"{at}.path '{path}' is not a field of the form"); return null; }
                if (!seen.Add(path)) { call.Fail(ErrorCodes.InvalidInput, $"{at}.path '{path}' is submitted twice"); return null; }
                if (!item.TryGetProperty("value", out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    if (field.IsRequired) { call.Fail(ErrorCodes.InvalidInput, $"{at}.value is required for the required field '{path}'"); return null; }
                    w.WriteNull(path);
                    continue;
                }

                if (Error(field, value) is { } error) { call.Fail(ErrorCodes.InvalidInput, $"{at}.value: {error}"); return null; }
                w.WritePropertyName(path);
                WriteValue(w, field, value);
            }

            foreach (var section in sections)
            {
                foreach (var f in section.Fields)
                {
                    if (f.IsRequired && !seen.Contains(f.Path)) { call.Fail(ErrorCodes.InvalidInput, $"The required field '{f.Path}' ({f.Title}) is missing"); return null; }
                }
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Why a value does not fit the field's type (Ashby's rules from the applicationFeedback.submit reference), or null.</summary>
    private static string? Error(FormField field, JsonElement value) => field.Type switch
    {
        "Boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be a boolean",
        "Number" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _) ? null : "must be an integer",
        "Score" => value.ValueKind == JsonValueKind.Object && value.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) && n is >= 1 and <= 4
            ? null : "must be { score: n } with n from 1 to 4",
        "RichText" => value.ValueKind == JsonValueKind.Object && value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "PlainText"
            && value.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String
            ? null : "must be { type: \"PlainText\", value: \"…\" }",
        "ValueSelect" => value.ValueKind == JsonValueKind.String && (field.Options ?? []).Any(o => o.Value == value.GetString())
            ? null : $"must be one of: {string.Join(", ", (field.Options ?? []).Select(o => o.Value))}",
        "Email" => value.ValueKind == JsonValueKind.String && value.GetString()!.Contains('@', StringComparison.Ordinal) && value.GetString()!.Length >= 3 ? null : "must be an email address",
        "File" => value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0 ? null : "must be a file handle (from file.createFileUploadHandle)",
        _ => value.ValueKind == JsonValueKind.String ? null : "must be a string",
    };

    /// <summary>Scores are stored as their number in a string and rich text as its plain text, as listed feedback shows them.</summary>
    private static void WriteValue(Utf8JsonWriter w, FormField field, JsonElement value)
    {
        switch (field.Type)
        {
            case "Score":
                w.WriteStringValue(value.GetProperty("score").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case "RichText":
                w.WriteStringValue(value.GetProperty("value").GetString());
                break;
            default:
                value.WriteTo(w);
                break;
        }
    }
}
