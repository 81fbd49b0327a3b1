using System.Globalization;
using System.Text.Json;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// Reads the interview events of <c>interviewSchedule.create</c> and <c>interviewSchedule.update</c>: times,
/// interviewers by email, the interview and <c>extraData</c>. Each reader writes the failure and returns null/false.
/// </summary>
internal static class InterviewEventRequests
{
    /// <summary>One event object; <paramref name="allowId"/> accepts <c>interviewEventId</c> (update only).</summary>
    public static EventRequest? Read(AshbyCall call, JsonElement item, string name, Application a, bool allowId)
    {
        if (item.ValueKind != JsonValueKind.Object) return Failed<EventRequest>(call.FailParameter(name, $"{name} must be an object"));
        Guid? eventId = null;
        if (allowId && Field(item, "interviewEventId") is { } idValue)
        {
            if (!ParseId(call, idValue, $"{name}.interviewEventId", out var parsed)) return null;
            eventId = parsed;
        }

        if (!ReadTime(call, item, name, "startTime", out var start) || !ReadTime(call, item, name, "endTime", out var end)) return null;
        if (end <= start) return Failed<EventRequest>(call.Fail(ErrorCodes.InvalidInput, $"{name}.endTime must be after startTime"));
        var interviewers = ReadInterviewers(call, item, name);
        if (interviewers is null) return null;
        var interview = ReadInterview(call, item, name, a);
        if (interview is null) return null;
        if (!ReadExtraData(call, item, name, out var extra)) return null;
        return new EventRequest(eventId, start, end, interviewers, interview, extra);
    }

    /// <summary>One UUID or an array of them (<c>interviewEventIdToCancel</c>).</summary>
    public static bool ReadIds(AshbyCall call, JsonElement value, string name, out List<Guid> ids)
    {
        ids = [];
        JsonElement[] items = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value];
        foreach (var item in items)
        {
            if (!ParseId(call, item, name, out var id)) return false;
            ids.Add(id);
        }

        return ids.Count > 0 || call.Fail(ErrorCodes.InvalidInput, $"{name} must name at least one interview event");
    }

    /// <summary>Enabled users by email; a trainee of an active pool interviews in their training role, as Ashby's interviewer training assigns it.</summary>
    private static List<EventInterviewer>? ReadInterviewers(AshbyCall call, JsonElement item, string name)
    {
        var field = name + ".interviewers";
        if (Field(item, "interviewers") is not { } people) return Failed<List<EventInterviewer>>(call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {field}"));
        if (people.ValueKind != JsonValueKind.Array) return Failed<List<EventInterviewer>>(call.FailParameter(field, "interviewers must be an array"));
        if (people.GetArrayLength() == 0) return Failed<List<EventInterviewer>>(call.Fail(ErrorCodes.InvalidInput, $"{field} must name at least one interviewer"));
        var org = call.Org;
        var interviewers = new List<EventInterviewer>();
        foreach (var p in people.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Object || Field(p, "email") is not { ValueKind: JsonValueKind.String } email)
            {
                return Failed<List<EventInterviewer>>(call.FailParameter(field, "each interviewer must be an object with an email string"));
            }

            var feedback = true;
            if (Field(p, "feedbackRequired") is { } f)
            {
                if (f.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return Failed<List<EventInterviewer>>(call.FailParameter(field + ".feedbackRequired", "feedbackRequired must be a boolean"));
                }

                feedback = f.GetBoolean();
            }

            var address = email.GetString()!;
            var user = org.Users.Find(u => u.IsEnabled && string.Equals(u.Email, address, StringComparison.OrdinalIgnoreCase));
            if (user is null) return Failed<List<EventInterviewer>>(call.Fail(ErrorCodes.InvalidInput, $"No enabled user in the organisation has the email {address}"));
            if (interviewers.Exists(x => x.User == user)) continue;
            var training = org.InterviewerPools
                .Where(x => !x.IsArchived && x.TrainingEnabled)
                .SelectMany(x => x.Trainees.Where(t => t.User == user).Select(t => (Trainee: t, Pool: x)))
                .FirstOrDefault();
            interviewers.Add(training.Trainee is { } t ? new EventInterviewer(user, feedback, t.Stage.Role, training.Pool) : new EventInterviewer(user, feedback));
        }

        return interviewers;
    }

    /// <summary>The interview named, or the organisation's default; a job-local interview only for its own job's applications.</summary>
    private static Interview? ReadInterview(AshbyCall call, JsonElement item, string name, Application a)
    {
        if (Field(item, "interviewId") is not { } value)
        {
            return call.Org.DefaultInterview ?? Failed<Interview>(call.Fail(ErrorCodes.InvalidInput, "The organisation has no default interview: pass interviewId"));
        }

        if (!ParseId(call, value, $"{name}.interviewId", out var id)) return null;
        if (call.Org.FindInterview(id) is not { } interview || (interview.Job is { } hidden && !call.CanSee(hidden)))
        {
            return Failed<Interview>(call.NotFound(ErrorCodes.InterviewNotFound, "Interview", id));
        }

        if (interview.Job is { } job && job != a.Job)
        {
            return Failed<Interview>(call.Fail(ErrorCodes.InvalidInput, $"Interview {id} belongs to another job and can only be scheduled for its applications"));
        }

        return interview;
    }

    /// <summary>String values only; keys at most 100 characters, values at most 512, under 1 kB in all (as the document says).</summary>
    private static bool ReadExtraData(AshbyCall call, JsonElement item, string name, out Dictionary<string, string>? extra)
    {
        extra = null;
        var field = name + ".extraData";
        if (Field(item, "extraData") is not { } x) return true;
        if (x.ValueKind != JsonValueKind.Object) return call.FailParameter(field, "extraData must be an object of strings");
        extra = [];
        foreach (var prop in x.EnumerateObject())
        {
            if (prop.Value.ValueKind != JsonValueKind.String) return call.FailParameter(field, "extraData values must be strings");
            var value = prop.Value.GetString()!;
            if (prop.Name.Length > 100 || value.Length > 512) return call.Fail(ErrorCodes.InvalidInput, $"{field} keys must be at most 100 characters and values at most 512");
            extra[prop.Name] = value;
        }

        return x.GetRawText().Length < 1024 || call.Fail(ErrorCodes.InvalidInput, $"{field} must be less than 1kb");
    }

    private static bool ReadTime(AshbyCall call, JsonElement item, string name, string field, out long ms)
    {
        ms = 0;
        if (Field(item, field) is not { } v) return call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {name}.{field}");
        if (v.ValueKind != JsonValueKind.String) return call.FailParameter($"{name}.{field}", $"{field} must be an ISO 8601 date-time string");
        if (!DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return call.Fail(ErrorCodes.InvalidInput, $"{name}.{field} must be an ISO 8601 date-time");
        }

        ms = t.ToUnixTimeMilliseconds();
        return true;
    }

    private static bool ParseId(AshbyCall call, JsonElement value, string name, out Guid id)
    {
        id = default;
        if (value.ValueKind != JsonValueKind.String) return call.FailParameter(name, $"{name} must be a string (a UUID)");
        return Guid.TryParseExact(value.GetString(), "D", out id) || call.Fail(ErrorCodes.InvalidInput, $"{name} must be a UUID");
    }

    /// <summary>A property that is present and not null.</summary>
    private static JsonElement? Field(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static T? Failed<T>(bool failure)
        where T : class
    {
        _ = failure;
        return null;
    }
}
