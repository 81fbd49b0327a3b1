using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// What hangs off candidates: files (<c>file.*</c>, uploads), projects, fraud checks, client info, email messages and
/// referrals. Registered from <see cref="CandidateEndpoints.Register"/>.
/// </summary>
internal static class CandidateRecordEndpoints
{
    private const int SearchCap = 100;
    private const long MaxUploadBytes = 50L * 1024 * 1024;
    private static readonly string[] UploadContexts = ["CandidateResume", "CandidateFiles", "ApplicationForm"];
    private static readonly string[] SettableFraudStatuses = ["Fraudulent", "NotFraudulent", "Unsure"];

    public static void Register(EndpointTable table) => table
        .Read("file.info", Permissions.CandidatesRead, FileInfo)
        .Write("file.createFileUploadHandle", Permissions.CandidatesWrite, CreateFileUploadHandle)
        .Write("candidate.uploadFile", Permissions.CandidatesWrite, call => Upload(call, "fileHandle", asResume: false))
        .Write("candidate.uploadResume", Permissions.CandidatesWrite, call => Upload(call, "resumeHandle", asResume: true))
        .Read("project.list", Permissions.CandidatesRead, ProjectList)
        .Read("project.info", Permissions.JobsRead, ProjectInfo)
        .Read("project.search", Permissions.CandidatesRead, ProjectSearch)
        .Read("candidate.listProjects", Permissions.CandidatesRead, ListProjects)
        .Write("candidate.addProject", Permissions.CandidatesWrite, call => ChangeProject(call, add: true))
        .Write("candidate.removeProject", Permissions.CandidatesWrite, call => ChangeProject(call, add: false))
        .Read("candidate.listFraudChecks", Permissions.CandidatesRead, ListFraudChecks)
        .Write("candidate.setFraudStatus", Permissions.CandidatesWrite, SetFraudStatus)
        .Read("candidate.listClientInfo", Permissions.CandidatesRead, ListClientInfo)
        .Write("candidate.addEmailMessage", Permissions.CandidatesWrite, AddEmailMessage)
        .Write("candidate.anonymize", Permissions.CandidatesWrite, Anonymize)
        .Read("referralForm.info", Permissions.HiringProcessMetadataRead, ReferralFormInfo)
        .Write("referral.create", Permissions.CandidatesWrite, CreateReferral);

    /// <summary>Any handle the emulator handed out resolves to a signed link (valid one hour) to <c>/_emulator/files/{handle}</c>.</summary>
    private static void FileInfo(AshbyCall call)
    {
        if (!call.RequiredString("fileHandle", out var handle)) return;
        if (call.Org.FindFile(handle) is not { Uploaded: true } file || file.Candidate is { } owner && !call.CanSee(owner))
        {
            call.Fail(ErrorCodes.FileNotFound, "No file has this handle.");
            return;
        }

        var url = FileLinks.Download(call.Services, file.Handle, out _);
        call.Success(w =>
        {
            w.WriteStartObject();
            w.WriteString("url", url);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Answers <c>{ handle, url, fields }</c>: POST the fields and the file (last, named <c>file</c>) as multipart/form-data
    /// to the url (or PUT the bytes to it), then pass the handle to candidate.uploadResume / candidate.uploadFile.
    /// </summary>
    private static void CreateFileUploadHandle(AshbyCall call)
    {
        if (!call.RequiredString("fileUploadContext", out var context) || !call.RequiredString("filename", out var filename) || !call.RequiredString("contentType", out var contentType)) return;
        if (!call.Present("contentLength", out _)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: contentLength"); return; }
        if (!call.OptionalLong("contentLength", out var length)) return;
        if (!UploadContexts.Contains(context)) { call.Fail(ErrorCodes.InvalidInput, $"fileUploadContext must be one of: {string.Join(", ", UploadContexts)}"); return; }
        if (length is not (> 0 and <= MaxUploadBytes)) { call.Fail(ErrorCodes.InvalidInput, $"contentLength must be between 1 and {MaxUploadBytes} bytes"); return; }
        var id = call.Org.NewId();
        var file = new StoredFile
        {
            Id = id, Name = filename, Handle = "upload-" + id.ToString("N"), ContentType = contentType, CreatedMs = call.NowMs, Uploaded = false,
            UploadContext = context, DeclaredLength = length.Value,
        };
        call.Org.FilesByHandle[file.Handle] = file;
        var url = FileLinks.Upload(call.Services, file.Handle, out var expires);
        call.Success(w =>
        {
            w.WriteStartObject();
            w.WriteString("handle", file.Handle);
            w.WriteString("url", url);
            w.WriteStartObject("fields");
            w.WriteString("key", file.Handle);
            w.WriteString("Content-Type", contentType);
            w.WriteString("expires", expires.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("signature", FileLinks.Signature(call.Services, file.Handle, expires));
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// The JSON form (a handle from file.createFileUploadHandle, or any file handle of the organisation). The multipart
    /// form the document also lists cannot reach a handler: the API pipeline reads every body as JSON.
    /// </summary>
    private static void Upload(AshbyCall call, string handleName, bool asResume)
    {
        if (!call.RequiredGuid("candidateId", out var id) || !call.RequiredString(handleName, out var handle)) return;
        if (FindCandidate(call, id) is not { } c) return;
        if (call.Org.FindFile(handle) is not { } upload || upload.Candidate is { } owner && !call.CanSee(owner)) { call.Fail(ErrorCodes.FileNotFound, $"{handleName} is not a file handle of this organisation."); return; }
        if (!upload.Uploaded) { call.Fail(ErrorCodes.InvalidInput, $"Nothing has been uploaded to this {handleName} yet: upload the file to the url file.createFileUploadHandle returned first."); return; }
        CandidateChanges.AttachFile(call.Org, call.NowMs, c, upload, asResume);
        call.Success(w => CandidateJson.Candidate(w, c, call.Viewer));
    }

    private static bool CanSee(AshbyCall call, Project p) => call.Viewer.AllowConfidential || !p.Confidential;

    private static void ProjectList(AshbyCall call)
    {
        if (!call.OptionalLong("createdAfter", out var after)) return;
        Pager.List(call, call.Org.Projects, (p, _) => CanSee(call, p) && (after is null || p.CreatedMs > after), CandidateJson.Project);
    }

    private static void ProjectInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("projectId", out var id)) return;
        if (FindProject(call, id) is { } p) call.Success(w => CandidateJson.Project(w, p));
    }

    /// <summary>Case-insensitive substring of the title; no title lists the first projects; at most 100, archived ones included.</summary>
    private static void ProjectSearch(AshbyCall call)
    {
        if (!call.OptionalString("title", out var title)) return;
        call.Success(w =>
        {
            w.WriteStartArray();
            var found = 0;
            foreach (var p in call.Org.Projects)
            {
                if (found == SearchCap) break;
                if (!CanSee(call, p) || title is not null && !p.Title.Contains(title, StringComparison.OrdinalIgnoreCase)) continue;
                CandidateJson.Project(w, p);
                found++;
            }

            w.WriteEndArray();
        });
    }

    private static void ListProjects(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id)) return;
        if (FindCandidate(call, id) is not { } c) return;
        IReadOnlyList<Project> projects = call.Org.CandidateProjects.TryGetValue(c, out var list) ? list : [];
        Pager.List(call, projects, (p, _) => CanSee(call, p), CandidateJson.Project);
    }

    private static void ChangeProject(AshbyCall call, bool add)
    {
        if (!call.RequiredGuid("candidateId", out var id) || !call.RequiredGuid("projectId", out var projectId)) return;
        if (FindCandidate(call, id) is not { } c || FindProject(call, projectId) is not { } p) return;
        if (add) CandidateChanges.AddToProject(call.Org, call.NowMs, c, p);
        else CandidateChanges.RemoveFromProject(call.Org, call.NowMs, c, p);
        call.Success(w => CandidateJson.Candidate(w, c, call.Viewer));
    }

    private static void ListFraudChecks(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id)) return;
        if (FindCandidate(call, id) is not { } c) return;
        Pager.List(call, FraudChecks.Of(call.Org, c), (f, _) => f.Application is null || call.CanSee(f.Application), CandidateJson.FraudCheck, syncable: false);
    }

    private static void SetFraudStatus(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id) || !call.RequiredString("fraudStatus", out var status)) return;
        if (!SettableFraudStatuses.Contains(status)) { call.Fail(ErrorCodes.InvalidInput, $"fraudStatus must be one of: {string.Join(", ", SettableFraudStatuses)}"); return; }
        if (FindCandidate(call, id) is not { } c) return;
        CandidateChanges.SetFraudStatus(call.Org, call.NowMs, c, status);
        call.Success(w => CandidateJson.Candidate(w, c, call.Viewer));
    }

    private static void ListClientInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id)) return;
        if (FindCandidate(call, id) is not { } c) return;
        Pager.List(call, FraudChecks.ClientInfoOf(call.Org, c), (i, _) => call.CanSee(i.Application), CandidateJson.ClientInfo);
    }

    private static void AddEmailMessage(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id) || !call.RequiredString("emailProviderEmailId", out var providerId)) return;
        if (!call.RequiredString("subject", out var subject) || !call.RequiredString("from", out var from) || !call.RequiredString("to", out var to)) return;
        if (!call.Present("body", out var bodyValue)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: body"); return; }
        if (bodyValue.ValueKind != JsonValueKind.String) { call.FailParameter("body", "body must be a string"); return; }
        if (!call.OptionalGuid("userId", out var userId) || !call.OptionalString("sentAt", out var sentAt) || !call.OptionalString("cc", out var cc)) return;
        if (!call.OptionalString("messageUrl", out var messageUrl) || !call.OptionalString("messageIdHeader", out var messageIdHeader) || !call.OptionalString("threadId", out var threadId)) return;
        if (!call.OptionalBool("isPrivate", out var isPrivate) || !CandidateEndpoints.ParseTime(call, "sentAt", sentAt, out var sentMs)) return;
        if (messageUrl is not null && !Uri.TryCreate(messageUrl, UriKind.Absolute, out _)) { call.Fail(ErrorCodes.InvalidInput, "messageUrl must be an absolute URL"); return; }
        if (FindCandidate(call, id) is not { } c) return;
        User? user = null;
        if (userId is { } u && (user = call.Org.FindUser(u)) is null) { call.NotFound(ErrorCodes.UserNotFound, "User", u); return; }
        var message = CandidateChanges.AddEmailMessage(call.Org, call.NowMs, c, new EmailMessage
        {
            CandidateId = c.Id, ProviderEmailId = providerId, Subject = subject, From = from, To = to, Body = bodyValue.GetString(), SentMs = sentMs ?? call.NowMs,
            Cc = cc, MessageUrl = messageUrl, MessageIdHeader = messageIdHeader, ThreadId = threadId ?? providerId, IsPrivate = isPrivate,
            UserIsSender = user is not null && from.Contains(user.Email, StringComparison.OrdinalIgnoreCase),
        });
        call.Success(w => CandidateJson.EmailMessage(w, message));
    }

    /// <summary>Every application must be archived or hired (Ashby's rule); otherwise <c>invalid_input</c>.</summary>
    private static void Anonymize(AshbyCall call)
    {
        if (!call.RequiredGuid("candidateId", out var id)) return;
        if (FindCandidate(call, id) is not { } c) return;
        if (c.Applications.Any(a => !a.Deleted && a.Status is not (ApplicationStatus.Archived or ApplicationStatus.Hired)))
        {
            call.Fail(ErrorCodes.InvalidInput, "A candidate can only be anonymized when all of their applications are archived or hired.");
            return;
        }

        CandidateChanges.Anonymize(call.Org, call.NowMs, c);
        call.Success(w => CandidateJson.Candidate(w, c, call.Viewer));
    }

    private static void ReferralFormInfo(AshbyCall call)
    {
        var form = call.Org.ReferralForm!;
        call.Success(w => CandidateJson.ReferralForm(w, form));
    }

    /// <summary>
    /// Submits the referral form: <c>_systemfield_name</c>, <c>_systemfield_email</c> and <c>_systemfield_job</c>
    /// (the job id, or <c>{ title, value: jobId }</c>) are required; the candidate is found by email or created,
    /// credited to the referrer with the Employee Referral source, and gets an application on the job's first
    /// application-review stage. No webhook (as for application.create).
    /// </summary>
    private static void CreateReferral(AshbyCall call)
    {
        if (!call.RequiredGuid("id", out var formId) || !call.RequiredGuid("creditedToUserId", out var userId)) return;
        if (!call.OptionalString("createdAt", out var createdAt) || !CandidateEndpoints.ParseTime(call, "createdAt", createdAt, out var createdMs)) return;
        if (!call.Present("fieldSubmissions", out var submissions)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: fieldSubmissions"); return; }
        if (submissions.ValueKind != JsonValueKind.Array) { call.FailParameter("fieldSubmissions", "fieldSubmissions must be an array of { path, value }"); return; }
        var org = call.Org;
        var form = org.ReferralForm!;
        if (formId != form.Id) { call.NotFound(ErrorCodes.ReferralFormNotFound, "Referral form", formId); return; }
        if (org.FindUser(userId) is not { IsEnabled: true } user) { call.NotFound(ErrorCodes.UserNotFound, "User", userId); return; }
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in submissions.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String || !item.TryGetProperty("value", out var value))
            {
                call.Fail(ErrorCodes.InvalidInput, "fieldSubmissions entries need a path and a value");
                return;
            }

            if (!form.Fields.Any(f => f.Path == path.GetString())) { call.Fail(ErrorCodes.InvalidInput, $"The referral form has no field with path '{path.GetString()}'"); return; }
            values[path.GetString()!] = value;
        }

        string? Text(string path) => values.TryGetValue(path, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0 ? v.GetString()!.Trim() : null;
        foreach (var field in form.Fields.Where(f => f.IsRequired && f.Type != "Job"))
        {
            if (Text(field.Path) is null) { call.Fail(ErrorCodes.InvalidInput, $"The referral form's field '{field.Title}' ({field.Path}) is required"); return; }
        }

        var jobText = values.TryGetValue("_systemfield_job", out var jobValue)
            ? jobValue.ValueKind == JsonValueKind.Object && jobValue.TryGetProperty("value", out var inner) && inner.ValueKind == JsonValueKind.String ? inner.GetString() : jobValue.ValueKind == JsonValueKind.String ? jobValue.GetString() : null
            : null;
        if (jobText is null) { call.Fail(ErrorCodes.InvalidInput, "The referral form's field 'Job' (_systemfield_job) is required"); return; }
        if (!Guid.TryParseExact(jobText, "D", out var jobId)) { call.Fail(ErrorCodes.InvalidInput, "_systemfield_job must be a job id (or { title, value: jobId })"); return; }
        if (org.FindJob(jobId) is not { } job || !call.CanSee(job) || job.Status == JobStatus.Draft) { call.NotFound(ErrorCodes.JobNotFound, "Job", jobId); return; }
        if (job.Status != JobStatus.Open) { call.Fail(ErrorCodes.InvalidInput, $"Job {jobId} is not open, so it takes no referrals."); return; }

        var now = call.NowMs;
        var email = Text("_systemfield_email")!;
        var source = org.Sources.Find(s => s.Title == "Employee Referral" && !s.IsArchived);
        var candidate = org.Candidates.Find(c => !c.Deleted && c.Emails.Any(e => string.Equals(e.Value, email, StringComparison.OrdinalIgnoreCase)))
            ?? CandidateChanges.Create(org, now, new CandidateChanges.Details(
                Name: Text("_systemfield_name"), Email: email, PhoneNumber: Text("_systemfield_phone"), LinkedInUrl: Text("_systemfield_linkedin"), Source: source, CreditedTo: user, CreatedMs: createdMs));
        if (Text("_systemfield_referral_note") is { } note) CandidateChanges.AddNote(org, now, candidate, note, isPrivate: false, createdMs);
        var application = ApplicationChanges.Create(org, now, candidate, job, job.Plan.FirstOf(StageType.PreInterviewScreen), source, user, createdMs);
        call.Success(w => ApplicationJson.Application(w, application, call.Viewer));
    }

    private static Candidate? FindCandidate(AshbyCall call, Guid id)
    {
        if (call.Org.FindCandidate(id) is { } c && call.CanSee(c)) return c;
        call.NotFound(ErrorCodes.CandidateNotFound, "Candidate", id);
        return null;
    }

    private static Project? FindProject(AshbyCall call, Guid id)
    {
        if (call.Org.FindProject(id) is { } p && CanSee(call, p)) return p;
        call.NotFound(ErrorCodes.ProjectNotFound, "Project", id);
        return null;
    }
}
