using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>Jobs, postings and openings changed through the control API.</summary>
internal static class JobChanges
{
    /// <summary>Creates an open job with its own interview plan, an opening and a published, listed posting.</summary>
    public static (Job Job, IReadOnlyList<IReadOnlyList<WebhookEvent>> Events) Create(Organization org, long now, string title, Department team, Location location, bool confidential)
    {
        var plan = new InterviewPlan { Id = org.NewId(), Title = title + " Interview Plan", CreatedMs = now, UpdatedMs = now };
        for (var s = 0; s < ReferenceData.StagePlan.Length; s++)
        {
            var stage = new InterviewStage { Id = org.NewId(), Title = ReferenceData.StageTitles[s], Type = ReferenceData.StagePlan[s], Order = s, Plan = plan };
            plan.Stages.Add(stage);
            org.StagesById[stage.Id] = stage;
        }

        org.InterviewPlans.Add(plan);
        org.Touch(plan, now);
        var recruiter = org.Users.First(u => u.IsEnabled);
        var job = new Job
        {
            Id = org.NewId(), Title = title, Status = JobStatus.Open, Confidential = confidential, Location = location, Department = team, Plan = plan,
            Author = recruiter, CreatedMs = now, OpenedMs = now, UpdatedMs = now,
        };
        job.HiringTeam.Add(new TeamMember(recruiter, org.HiringTeamRoles[1]));
        org.Jobs.Add(job);
        org.JobsById[job.Id] = job;
        org.Touch(job, now);
        var opening = new Opening
        {
            Id = org.NewId(), VersionId = org.NewId(), Identifier = "NEW-" + job.Id.ToString("N")[..6].ToUpperInvariant(), Team = team, State = 4,
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
}
