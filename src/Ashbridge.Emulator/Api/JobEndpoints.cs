using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// <c>job.*</c>, and the job area's reference lists: <c>brand.list</c>, <c>closeReason.list</c>, <c>jobBoard.list</c>,
/// <c>jobTemplate.list</c>.
/// </summary>
internal static class JobEndpoints
{
    private static readonly string[] Expansions = ["location", "openings"];
    private static readonly string[] CompensationTypes = ["Salary", "EquityPercentage", "EquityCashValue", "Commission", "Bonus"];
    private static readonly string[] Intervals = ["NONE", "1 TIME", "1 HOUR", "1 DAY", "1 WEEK", "2 WEEK", "1 MONTH", "2 MONTH", "1 YEAR", "6 MONTH", "0.5 MONTH", "3 MONTH"];

    public static void Register(EndpointTable table) => table
        .Read("job.list", Permissions.JobsRead, List)
        .Read("job.info", Permissions.JobsRead, Info)
        .Read("job.search", Permissions.JobsRead, Search)
        .Write("job.create", Permissions.JobsWrite, Create)
        .Write("job.update", Permissions.JobsWrite, Update)
        .Write("job.setStatus", Permissions.JobsWrite, SetStatus)
        .Write("job.updateCompensation", Permissions.JobsWrite, UpdateCompensation)
        .Read("jobTemplate.list", Permissions.JobsRead, TemplateList)
        .Read("jobBoard.list", Permissions.JobsRead, BoardList)
        .Read("brand.list", Permissions.OrganizationRead, BrandList)
        .Read("closeReason.list", Permissions.HiringProcessMetadataRead, CloseReasonList);

    /// <summary>Draft jobs are left out unless <c>status</c> names Draft (Ashby's documented default).</summary>
    private static void List(AshbyCall call)
    {
        if (!call.CreatedRange(out var after, out _)) return;
        if (!call.OptionalStringArray("status", out var statuses, Enums.JobStatuses)) return;
        if (!call.OptionalLong("openedAfter", out var openedAfter) || !call.OptionalLong("openedBefore", out var openedBefore)) return;
        if (!call.OptionalLong("closedAfter", out var closedAfter) || !call.OptionalLong("closedBefore", out var closedBefore)) return;
        if (!call.OptionalBool("includeUnpublishedJobPostingsIds", out var unpublished) || !call.ExpandIncludes(Expansions, out var expand)) return;
        var wanted = statuses is { Length: > 0 }
            ? statuses.Select(s => (JobStatus)Enums.IndexOf(Enums.JobStatuses, s)).ToHashSet()
            : [JobStatus.Open, JobStatus.Closed, JobStatus.Archived];
        var location = expand.Contains("location");
        var openings = expand.Contains("openings");
        Pager.List(
            call,
            call.Org.Jobs,
            (j, _) => call.CanSee(j) && wanted.Contains(j.Status) && j.CreatedMs > after
                && (openedAfter is null || j.OpenedMs > openedAfter) && (openedBefore is null || j.OpenedMs < openedBefore)
                && (closedAfter is null || j.ClosedMs > closedAfter) && (closedBefore is null || j.ClosedMs < closedBefore),
            (w, j) => JobJson.Job(w, j, call.Viewer, unpublished, location, openings));
    }

    private static void Info(AshbyCall call)
    {
        if (!call.RequiredGuid("id", out var id)) return;
        if (!call.OptionalBool("includeUnpublishedJobPostingsIds", out var unpublished) || !call.ExpandIncludes(Expansions, out var expand)) return;
        if (call.Org.FindJob(id) is not { } job || !call.CanSee(job)) call.NotFound(ErrorCodes.JobNotFound, "Job", id);
        else call.Success(w => JobJson.Job(w, job, call.Viewer, unpublished, expand.Contains("location"), expand.Contains("openings")));
    }

    /// <summary>
    /// Not paginated. <c>title</c> matches jobs whose title contains it (case-insensitive); <c>requisitionId</c> matches the
    /// custom requisition id exactly; with both, a job must match both. Every status, Draft included.
    /// </summary>
    private static void Search(AshbyCall call)
    {
        if (!call.OptionalString("title", out var title) || !call.OptionalString("requisitionId", out var requisition)) return;
        if (string.IsNullOrEmpty(title) && string.IsNullOrEmpty(requisition)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: title or requisitionId"); return; }
        call.Success(w =>
        {
            w.WriteStartArray();
            foreach (var j in call.Org.Jobs)
            {
                if (!call.CanSee(j)) continue;
                if (!string.IsNullOrEmpty(title) && !j.Title.Contains(title, StringComparison.OrdinalIgnoreCase)) continue;
                if (!string.IsNullOrEmpty(requisition) && j.RequisitionId != requisition) continue;
                JobJson.Job(w, j, call.Viewer);
            }

            w.WriteEndArray();
        });
    }

    /// <summary><c>job.create</c>: a Draft job; <c>jobCreate</c>.</summary>
    private static void Create(AshbyCall call)
    {
        if (!call.RequiredString("title", out var title)) return;
        if (!call.RequiredGuid("teamId", out _) || !call.OptionalTeam("teamId", out var team)) return;
        if (!call.RequiredGuid("locationId", out _) || !call.OptionalLocation("locationId", out var location)) return;
        if (!call.OptionalGuid("defaultInterviewPlanId", out var planId) || !call.OptionalGuid("jobTemplateId", out var templateId) || !call.OptionalGuid("brandId", out var brandId)) return;
        InterviewPlan? plan = null;
        if (planId is { } p && (plan = call.Org.FindPlan(p)) is null) { call.NotFound(ErrorCodes.InterviewPlanNotFound, "Interview plan", p); return; }
        JobTemplate? template = null;
        if (templateId is { } t)
        {
            if ((template = call.Org.FindJobTemplate(t)) is null) { call.NotFound(ErrorCodes.JobTemplateNotFound, "Job template", t); return; }
            if (!template.IsActive) { call.Fail(ErrorCodes.InvalidInput, $"Job template {t} is inactive; only active job templates can be used to create a job."); return; }
        }

        Brand? brand = null;
        if (brandId is { } b && (brand = call.Org.FindBrand(b)) is null) { call.NotFound(ErrorCodes.BrandNotFound, "Brand", b); return; }
        var (job, created) = JobChanges.CreateDraft(call.Org, call.NowMs, title, team!, location!, plan, template, brand);
        call.Publish([created]);
        call.Success(w => JobJson.Job(w, job, call.Viewer));
    }

    /// <summary><c>job.update</c>: title, team, location, default plan, requisition id; <c>jobUpdate</c> when something changed.</summary>
    private static void Update(AshbyCall call)
    {
        if (!call.RequiredJob("jobId", out var job)) return;
        if (!call.OptionalString("title", out var title) || !call.OptionalTeam("teamId", out var team) || !call.OptionalLocation("locationId", out var location)) return;
        if (!call.OptionalGuid("defaultInterviewPlanId", out var planId) || !call.OptionalString("customRequisitionId", out var requisition)) return;
        if (title is { Length: 0 }) { call.Fail(ErrorCodes.InvalidInput, "title must not be empty"); return; }
        InterviewPlan? plan = null;
        if (planId is { } p && (plan = call.Org.FindPlan(p)) is null) { call.NotFound(ErrorCodes.InterviewPlanNotFound, "Interview plan", p); return; }
        var events = JobChanges.Update(call.Org, call.NowMs, job, title, team, location, plan, requisition);
        if (events.Count > 0) call.Publish(events);
        call.Success(w => JobJson.Job(w, job, call.Viewer));
    }

    /// <summary>
    /// <c>job.setStatus</c> with Ashby's documented transitions (Draft → Open/Archived, Open → Closed, Closed →
    /// Draft/Archived, Archived → Draft; the same status is a no-op); closing unpublishes the job's postings.
    /// </summary>
    private static void SetStatus(AshbyCall call)
    {
        if (!call.RequiredJob("jobId", out var job) || !call.RequiredEnum("status", Enums.JobStatuses, out var text)) return;
        var status = (JobStatus)Enums.IndexOf(Enums.JobStatuses, text);
        if (!JobChanges.CanMove(job.Status, status))
        {
            call.Fail(ErrorCodes.InvalidInput, $"A job in status {Enums.JobStatuses[(int)job.Status]} cannot be changed to {text}.");
            return;
        }

        if (status != job.Status)
        {
            foreach (var related in JobChanges.SetStatus(call.Org, call.NowMs, job, status)) call.Publish(related);
        }

        call.Success(w => JobJson.Job(w, job, call.Viewer));
    }

    /// <summary><c>job.updateCompensation</c>: replaces the job's compensation tiers; answers the job with <c>compensationTiers</c>; <c>jobUpdate</c>.</summary>
    private static void UpdateCompensation(AshbyCall call)
    {
        if (!call.RequiredJob("jobId", out var job)) return;
        if (!call.Present("compensationTiers", out var array)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: compensationTiers"); return; }
        if (array.ValueKind != JsonValueKind.Array) { call.FailParameter("compensationTiers", "compensationTiers must be an array"); return; }
        var tiers = new List<CompensationTier>();
        var t = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"compensationTiers[{t++}]";
            if (item.ValueKind != JsonValueKind.Object) { call.FailParameter(path, $"{path} must be an object"); return; }
            if (!call.NestedString(item, path, "title", out var tierTitle) || !call.NestedString(item, path, "additionalInformation", out var info)) return;
            if (!item.TryGetProperty("components", out var components) || components.ValueKind == JsonValueKind.Null) { call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {path}.components"); return; }
            if (components.ValueKind != JsonValueKind.Array) { call.FailParameter(path + ".components", $"{path}.components must be an array"); return; }
            var tier = new CompensationTier { Id = call.Org.NewId(), Title = tierTitle, AdditionalInformation = info };
            var c = 0;
            foreach (var component in components.EnumerateArray())
            {
                var cpath = $"{path}.components[{c++}]";
                if (component.ValueKind != JsonValueKind.Object) { call.FailParameter(cpath, $"{cpath} must be an object"); return; }
                if (!call.NestedString(component, cpath, "compensationType", out var type) || !call.NestedString(component, cpath, "interval", out var interval)) return;
                if (!call.NestedString(component, cpath, "currencyCode", out var currency) || !call.NestedString(component, cpath, "label", out var label)) return;
                if (!call.NestedNumber(component, cpath, "minValue", out var min) || !call.NestedNumber(component, cpath, "maxValue", out var max)) return;
                if (type is null || !CompensationTypes.Contains(type)) { call.Fail(ErrorCodes.InvalidInput, $"{cpath}.compensationType must be one of: {string.Join(", ", CompensationTypes)}"); return; }
                if (interval is null || !Intervals.Contains(interval)) { call.Fail(ErrorCodes.InvalidInput, $"{cpath}.interval must be one of: {string.Join(", ", Intervals)}"); return; }
                if (!component.TryGetProperty("minValue", out _) || !component.TryGetProperty("maxValue", out _)) { call.Fail(ErrorCodes.InvalidInput, $"{cpath} needs minValue and maxValue (null for none)"); return; }
                if (min > max) { call.Fail(ErrorCodes.InvalidInput, $"{cpath}.minValue must not exceed maxValue"); return; }
                tier.Components.Add(new CompensationComponent { Id = call.Org.NewId(), CompensationType = type, Interval = interval, CurrencyCode = currency, Label = label, MinValue = min, MaxValue = max });
            }

            if (array.GetArrayLength() > 1 && tierTitle is null)
            {
                call.Fail(ErrorCodes.InvalidInput, $"{path}.title is required for multi-tier compensation ranges");
                return;
            }

            tiers.Add(tier);
        }

        call.Publish(JobChanges.UpdateCompensation(call.Org, call.NowMs, job, tiers));
        call.Success(w => JobJson.Job(w, job, call.Viewer, compensationTiers: true));
    }

    /// <summary><c>jobTemplate.list</c>: every template (Active and Inactive), paged and syncable; <c>expand: ["location"]</c>.</summary>
    private static void TemplateList(AshbyCall call)
    {
        if (!call.ExpandIncludes(["location"], out var expand)) return;
        var location = expand.Contains("location");
        Pager.List(call, call.Org.JobTemplates, (_, _) => true, (w, t) => JobRecordsJson.Template(w, t, location));
    }

    /// <summary><c>jobBoard.list</c>: not paginated; <c>moreDataAvailable: false</c> as the document requires.</summary>
    private static void BoardList(AshbyCall call)
    {
        var w = call.BeginSuccess();
        w.WriteStartArray();
        foreach (var b in call.Org.JobBoards) JobRecordsJson.Board(w, b);
        w.WriteEndArray();
        w.WriteBoolean("moreDataAvailable", false);
        call.EndSuccess();
    }

    /// <summary><c>brand.list</c>: paged by cursor, no sync token (Ashby's document has none for it).</summary>
    private static void BrandList(AshbyCall call) => Pager.List(call, call.Org.Brands, (_, _) => true, JobRecordsJson.Brand, syncable: false);

    /// <summary>
    /// <c>closeReason.list</c>: not paginated (the request takes no cursor); archived reasons only with
    /// <c>includeArchived</c>; <c>moreDataAvailable: false</c> as the document requires.
    /// </summary>
    private static void CloseReasonList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        var w = call.BeginSuccess();
        w.WriteStartArray();
        foreach (var r in call.Org.CloseReasons)
        {
            if (includeArchived || !r.IsArchived) JobRecordsJson.CloseReason(w, r);
        }

        w.WriteEndArray();
        w.WriteBoolean("moreDataAvailable", false);
        call.EndSuccess();
    }
}
