using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>Jobs and postings changed through the API (job.*, jobPosting.update) and the control API.</summary>
internal static class JobChanges
{
    /// <summary>Creates an open job with its own interview plan, an opening and a published, listed posting.</summary>
    public static (Job Job, IReadOnlyList<IReadOnlyList<WebhookEvent>> Events) Create(Organization org, long now, string title, Department team, Location location, bool confidential)
    {
        var plan = NewPlan(org, now, title);
        var recruiter = org.Users.First(u => u.IsEnabled);
        var job = new Job
        {
            Id = org.NewId(), Title = title, Status = JobStatus.Open, Confidential = confidential, Location = location, Department = team, Plan = plan,
            Author = recruiter, CreatedMs = now, OpenedMs = now, UpdatedMs = now, Brand = org.Brands.FirstOrDefault(),
        };
        job.HiringTeam.Add(new TeamMember(recruiter, org.HiringTeamRoles[1]));
        org.Jobs.Add(job);
        org.JobsById[job.Id] = job;
        org.Touch(job, now);
        var opening = new Opening
        {
            Id = org.NewId(), VersionId = org.NewId(), Identifier = "NEW-" + job.Id.ToString("N")[..6].ToUpperInvariant(), Description = "Headcount for " + title, Team = team, State = 4,
            OpenedMs = now, CreatedMs = now, UpdatedMs = now, Author = recruiter,
        };
        opening.Jobs.Add(job);
        opening.Locations.Add(location);
        job.Openings.Add(opening);
        org.Openings.Add(opening);
        org.OpeningsById[opening.Id] = opening;
        org.Touch(opening, now);
        var posting = new JobPosting { Id = org.NewId(), Job = job, Title = title, IsListed = true, IsPublished = true, WorkplaceType = location.WorkplaceType, PublishedMs = now, CreatedMs = now };
        job.Postings.Add(posting);
        org.JobPostings.Add(posting);
        org.JobPostingsById[posting.Id] = posting;
        org.Touch(posting, now);
        return (job, [[WebhookPayloads.Job("jobCreate", job)], [WebhookPayloads.Opening("openingCreate", opening)], [WebhookPayloads.Posting("jobPostingPublish", posting), WebhookPayloads.Posting("jobPostingUpdate", posting)]]);
    }

    /// <summary>
    /// <c>job.create</c>: a Draft job (Ashby: "All jobs are drafts when they're first created") with no opening and no
    /// posting, on the given plan, else the template's, else a new plan of the standard stages: <c>jobCreate</c>.
    /// </summary>
    public static (Job Job, WebhookEvent Event) CreateDraft(
        Organization org, long now, string title, Department team, Location location, InterviewPlan? plan, JobTemplate? template, Brand? brand)
    {
        plan ??= template?.Plan ?? NewPlan(org, now, title);
        var job = new Job
        {
            Id = org.NewId(), Title = title, Status = JobStatus.Draft, Location = location, Department = team, Plan = plan,
            Author = org.ApiAuthor, CreatedMs = now, UpdatedMs = now, Brand = brand ?? org.Brands.FirstOrDefault(),
        };
        job.HiringTeam.Add(new TeamMember(job.Author, org.HiringTeamRoles[1]));
        org.Jobs.Add(job);
        org.JobsById[job.Id] = job;
        org.Touch(job, now);
        return (job, WebhookPayloads.Job("jobCreate", job));
    }

    /// <summary><c>job.update</c>: the given fields change; <c>jobUpdate</c> (none when nothing changed).</summary>
    public static IReadOnlyList<WebhookEvent> Update(
        Organization org, long now, Job job, string? title, Department? team, Location? location, InterviewPlan? plan, string? requisitionId)
    {
        var changed = false;
        if (title is not null && title != job.Title) (job.Title, changed) = (title, true);
        if (team is not null && team != job.Department) (job.Department, changed) = (team, true);
        if (location is not null && location != job.Location) (job.Location, changed) = (location, true);
        if (plan is not null && plan != job.Plan) (job.Plan, changed) = (plan, true);
        if (requisitionId is not null && requisitionId != job.RequisitionId) (job.RequisitionId, changed) = (requisitionId, true);
        if (!changed) return [];
        org.Touch(job, now);
        return [WebhookPayloads.Job("jobUpdate", job)];
    }

    /// <summary><c>job.updateCompensation</c>: the tiers replace the job's (its postings show them): <c>jobUpdate</c>.</summary>
    public static IReadOnlyList<WebhookEvent> UpdateCompensation(Organization org, long now, Job job, List<CompensationTier> tiers)
    {
        job.CompensationTiers = tiers;
        org.Touch(job, now);
        foreach (var p in job.Postings) org.Touch(p, now);
        return [WebhookPayloads.Job("jobUpdate", job)];
    }

    /// <summary><c>jobPosting.update</c>: title, workplace type, description body and suppression flags: <c>jobPostingUpdate</c>.</summary>
    public static IReadOnlyList<WebhookEvent> UpdatePosting(
        Organization org, long now, JobPosting p, string? title, byte? workplaceType, bool? suppressOpening, bool? suppressClosing, string? descriptionHtml)
    {
        if (title is not null) p.Title = title;
        if (workplaceType is { } type) p.WorkplaceType = type;
        if (suppressOpening is { } o) p.SuppressDescriptionOpening = o;
        if (suppressClosing is { } c) p.SuppressDescriptionClosing = c;
        if (descriptionHtml is not null) p.DescriptionBodyHtml = descriptionHtml;
        org.Touch(p, now);
        return [WebhookPayloads.Posting("jobPostingUpdate", p)];
    }

    /// <summary>Whether Ashby lets a job move from one status to another (job.setStatus's documented transitions).</summary>
    public static bool CanMove(JobStatus from, JobStatus to) => (from, to) switch
    {
        (JobStatus.Draft, JobStatus.Open or JobStatus.Archived) => true,
        (JobStatus.Open, JobStatus.Closed) => true,
        (JobStatus.Closed, JobStatus.Draft or JobStatus.Archived) => true,
        (JobStatus.Archived, JobStatus.Draft) => true,
        _ => from == to,
    };

    /// <summary>Closes a job (its published postings are unpublished) or sets another status.</summary>
    public static IReadOnlyList<IReadOnlyList<WebhookEvent>> SetStatus(Organization org, long now, Job job, JobStatus status)
    {
        job.Status = status;
        if (status is JobStatus.Closed or JobStatus.Archived) job.ClosedMs ??= now;
        if (status == JobStatus.Open)
        {
            job.OpenedMs ??= now;
            job.ClosedMs = null;
        }

        org.Touch(job, now);
        var events = new List<IReadOnlyList<WebhookEvent>> { new[] { WebhookPayloads.Job("jobUpdate", job) } };
        if (status != JobStatus.Open)
        {
            foreach (var p in job.Postings.Where(p => p.IsPublished && !p.Deleted)) events.Add(SetPublished(org, now, p, false));
        }

        return events;
    }

    /// <summary>Publishes or unpublishes a posting: <c>jobPostingPublish</c>/<c>Unpublish</c> with the related <c>jobPostingUpdate</c>.</summary>
    public static IReadOnlyList<WebhookEvent> SetPublished(Organization org, long now, JobPosting p, bool published)
    {
        if (p.IsPublished == published) return [];
        p.IsPublished = published;
        if (published) p.PublishedMs = now;
        org.Touch(p, now);
        return [WebhookPayloads.Posting(published ? "jobPostingPublish" : "jobPostingUnpublish", p), WebhookPayloads.Posting("jobPostingUpdate", p)];
    }

    public static IReadOnlyList<WebhookEvent> DeletePosting(Organization org, long now, JobPosting p)
    {
        p.Deleted = true;
        p.Job.Postings.Remove(p);
        org.Touch(p, now);
        org.Touch(p.Job, now);
        return [WebhookPayloads.PostingDeleted(p)];
    }

    /// <summary>A new interview plan of the standard stages for a new job.</summary>
    private static InterviewPlan NewPlan(Organization org, long now, string title)
    {
        var plan = new InterviewPlan { Id = org.NewId(), Title = title + " Interview Plan", CreatedMs = now, UpdatedMs = now };
        for (var s = 0; s < ReferenceData.StagePlan.Length; s++)
        {
            var stage = new InterviewStage { Id = org.NewId(), Title = ReferenceData.StageTitles[s], Type = ReferenceData.StagePlan[s], Order = s, Plan = plan };
            stage.Group = org.StageGroupOf(stage);
            plan.Stages.Add(stage);
            org.StagesById[stage.Id] = stage;
        }

        org.InterviewPlans.Add(plan);
        org.Touch(plan, now);
        return plan;
    }
}
