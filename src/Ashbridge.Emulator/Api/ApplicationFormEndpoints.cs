using System.Text.Json;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// <c>applicationForm.submit</c> in its JSON form (file fields carry a handle). The multipart form is not answered: the
/// emulator's request pipeline reads every body as JSON, so a multipart body fails with <c>invalid_input</c>.
/// </summary>
internal static class ApplicationFormEndpoints
{
    /// <summary>The address Ashby documents for simulating a validation failure.</summary>
    public const string FailValidationEmail = "testing-fail-validation@example.com";

    /// <summary>The application form every posting uses: the three system fields jobPosting.info lists.</summary>
    public static readonly FormSection[] Sections =
    [
        new(null,
        [
            new(new Guid("6a1b0e7c-0d5e-4b7e-9a51-5f0c1a2b3c01"), "_systemfield_name", "Name", "String", true),
            new(new Guid("6a1b0e7c-0d5e-4b7e-9a51-5f0c1a2b3c02"), "_systemfield_email", "Email", "Email", true),
            new(new Guid("6a1b0e7c-0d5e-4b7e-9a51-5f0c1a2b3c03"), "_systemfield_resume", "Resume", "File", true),
        ]),
    ];

    private static FormField? Find(string path) => Array.Find(Sections[0].Fields, f => f.Path == path);

    public static void Submit(AshbyCall call)
    {
        if (!call.RequiredGuid("jobPostingId", out var postingId)) return;
        if (!call.Present("applicationForm", out var form)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: applicationForm"); return; }
        if (form.ValueKind != JsonValueKind.Object) { call.FailParameter("applicationForm", "applicationForm must be an object"); return; }
        if (!call.OptionalBool("allowSubmissionForUnpublishedJobPosting", out var allowUnpublished)) return;
        if (call.Present("utmData", out var utm) && utm.ValueKind != JsonValueKind.Object) { call.FailParameter("utmData", "utmData must be an object"); return; }
        if (!call.OptionalStringArray("tagIds", out var tagIds)) return;
        var tags = new List<Tag>();
        foreach (var text in tagIds ?? [])
        {
            if (!Guid.TryParseExact(text, "D", out var tagId)) { call.Fail(ErrorCodes.InvalidInput, "tagIds must be UUIDs"); return; }
            if (call.Org.FindTag(tagId) is not { } tag) { call.NotFound(ErrorCodes.TagNotFound, "Tag", tagId); return; }
            tags.Add(tag);
        }

        if (call.Org.FindPosting(postingId) is not { } posting || !call.CanSee(posting.Job)) { call.NotFound(ErrorCodes.JobPostingNotFound, "Job posting", postingId); return; }
        if (!posting.IsPublished && !allowUnpublished)
        {
            call.Fail(ErrorCodes.JobPostingNotPublished, "The job posting is not published. Pass allowSubmissionForUnpublishedJobPosting: true to submit anyway.");
            return;
        }

        if (FormValues.Read(call, "applicationForm", form, Find, Sections) is not { } json) return;
        using var values = JsonDocument.Parse(json);
        var name = values.RootElement.GetProperty("_systemfield_name").GetString()!;
        var email = values.RootElement.GetProperty("_systemfield_email").GetString()!;
        if (string.Equals(email, FailValidationEmail, StringComparison.OrdinalIgnoreCase))
        {
            call.Fail(ErrorCodes.InvalidInput, "Validation failed (simulated for testing-fail-validation@example.com).");
            return;
        }

        var (_, formInstanceId, events) = FeedbackChanges.SubmitApplication(call.Org, call.NowMs, posting, name, email, null, [.. tags], json);
        call.Publish(events);
        call.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("submittedFormInstance");
            FeedbackJson.FormInstance(w, formInstanceId, Sections, json);
            w.WriteStartObject("formMessages");
            w.WriteBoolean("blocked", false);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
