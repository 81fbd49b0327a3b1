namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the interview stage groups, interviews, schedules and events, interviewer pools, settings and pauses, and
/// notetaker transcripts, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
/// <remarks>
/// Schedules exist only for a fraction of applications (about 60% of those in an interview stage, a quarter of those
/// past offer), so at the large size (150k applications) there are some 20k schedules with 2 events each on average.
/// </remarks>
internal static class InterviewRecordsGenerator
{
    private const int SeedSalt = 0x0C33;
    private const long Minute = 60_000;
    private const long Hour = 60 * Minute;
    private const long Day = 24 * Hour;

    private static readonly (string Title, StageType Type, int[] Positions)[] Groups =
    [
        ("Lead", StageType.Lead, [0]), ("Application Review", StageType.PreInterviewScreen, [1]), ("Screen", StageType.Active, [2]),
        ("Interviews", StageType.Active, [3, 4]), ("Offer", StageType.Offer, [5]), ("Hired", StageType.Hired, [6]), ("Archived", StageType.Archived, [7]),
    ];

    private static readonly (string Title, int Minutes, bool Debrief, bool Archived)[] SharedInterviews =
    [
        ("Recruiter Screen", 30, false, false), ("Coding Exercise", 60, false, false), ("System Design", 60, false, false),
        ("Values Interview", 45, false, false), ("Hiring Manager Conversation", 30, false, false), ("Onsite Debrief", 30, true, false),
        ("Legacy Phone Screen", 30, false, true),
    ];

    private static readonly string[] PoolTitles = ["Engineering Interviewers", "Bar Raisers", "Recruiter Screeners", "Design Reviewers", "Sales Panel", "Legacy Panel"];

    private static readonly string[] Rooms = ["Google Meet", "Zoom", "Room 4.01 (Aurora)", "Room 2.12 (Borealis)", "Phone"];

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = size;
        var rng = new DeterministicRandom(org.Seed ^ SeedSalt);
        StageGroups(org, rng);
        Interviews(org, rng);
        var interviewers = org.Users.Where(u => u.IsEnabled && u.GlobalRole < 3).ToArray();
        Pools(org, rng, interviewers);
        Settings(org, rng);
        Schedules(org, rng, interviewers);
    }

    private static void StageGroups(Organization org, DeterministicRandom rng)
    {
        var byOrder = new InterviewStageGroup[ReferenceData.StagePlan.Length];
        for (var i = 0; i < Groups.Length; i++)
        {
            var (title, type, positions) = Groups[i];
            var g = new InterviewStageGroup { Id = rng.NextGuid(), Title = title, Order = i, StageType = type };
            org.StageGroups.Add(g);
            foreach (var p in positions) byOrder[p] = g;
        }

        org.StageGroupByOrder = byOrder;
        foreach (var plan in org.InterviewPlans)
        {
            foreach (var s in plan.Stages) s.Group = org.StageGroupOf(s);
        }
    }

    private static void Interviews(Organization org, DeterministicRandom rng)
    {
        var created = org.BaseMs - (3 * 365 * Day) - (60 * Day);
        foreach (var (title, minutes, debrief, archived) in SharedInterviews)
        {
            Add(org, rng, title, minutes, debrief, archived, null, created + rng.NextLong(30 * Day));
        }

        org.DefaultInterview = org.Interviews[0];

        // A work sample local to the first non-draft job and about one job in ten after it (capped), scheduled only for
        // that job's applications.
        var local = 0;
        foreach (var job in org.Jobs)
        {
            if (job.Status == JobStatus.Draft || (local > 0 && !rng.Chance(0.1)) || local >= 200) continue;
            local++;
            Add(org, rng, job.Title + " Work Sample", 90, false, false, job, job.CreatedMs + rng.NextLong(5 * Day));
        }
    }

    private static void Add(Organization org, DeterministicRandom rng, string title, int minutes, bool debrief, bool archived, Job? job, long created)
    {
        var i = new Interview
        {
            Id = rng.NextGuid(), Title = title, ExternalTitle = rng.Chance(0.3) ? "Conversation with Northwind Labs" : null, IsArchived = archived,
            IsDebrief = debrief, IsFeedbackRequired = !debrief, IsFeedbackRequested = true, DurationMinutes = minutes, Job = job,
            InstructionsPlain = $"{title}: {minutes} minutes. Review the candidate's profile beforehand and submit feedback the same day.",
            FeedbackFormDefinitionId = rng.NextGuid(), CreatedMs = created, UpdatedMs = created + rng.NextLong(90 * Day),
        };
        org.Interviews.Add(i);
        org.InterviewsById[i.Id] = i;
    }

    private static void Pools(Organization org, DeterministicRandom rng, User[] interviewers)
    {
        for (var p = 0; p < PoolTitles.Length; p++)
        {
            var created = org.BaseMs - (2 * 365 * Day) + rng.NextLong(365 * Day);
            var pool = new InterviewerPool
            {
                Id = rng.NextGuid(), Title = PoolTitles[p], IsArchived = p == PoolTitles.Length - 1, CreatedMs = created, UpdatedMs = created + rng.NextLong(100 * Day),
            };
            if (p % 2 == 0)
            {
                pool.TrainingPathId = rng.NextGuid();
                pool.TrainingEnabled = true;
                pool.TrainingStages.Add(new TrainingStage { Id = rng.NextGuid(), Role = TrainingRole.Shadow, InterviewsRequired = 2 });
                pool.TrainingStages.Add(new TrainingStage
                {
                    Id = rng.NextGuid(), Role = TrainingRole.ReverseShadow, InterviewsRequired = 1, ApprovalRequired = true, Approvers = [rng.Pick(interviewers)],
                });
            }

            var members = 3 + rng.Next(6);
            for (var m = 0; m < members; m++)
            {
                var u = rng.Pick(interviewers);
                if (!pool.Qualified.Contains(u)) pool.Qualified.Add(u);
            }

            if (pool.TrainingEnabled)
            {
                for (var t = rng.Next(1, 3); t > 0; t--)
                {
                    var u = rng.Pick(interviewers);
                    if (!pool.Qualified.Contains(u) && !pool.Trainees.Exists(x => x.User == u))
                    {
                        var stage = rng.Pick(pool.TrainingStages);
                        pool.Trainees.Add(new Trainee(u, stage, rng.Next(stage.InterviewsRequired)));
                    }
                }
            }

            org.InterviewerPools.Add(pool);
            org.InterviewerPoolsById[pool.Id] = pool;
        }
    }

    private static void Settings(Organization org, DeterministicRandom rng)
    {
        foreach (var u in org.Users)
        {
            if (u.IsEnabled && rng.Chance(0.3))
            {
                org.InterviewerSettingsByUser[u.Id] = new InterviewerSettings
                {
                    DailyLimit = rng.Chance(0.8) ? rng.Next(1, 5) : null, WeeklyLimit = rng.Chance(0.7) ? rng.Next(5, 16) : null,
                };
            }

            if (u.IsEnabled && rng.Chance(0.03))
            {
                var starts = org.BaseMs - (10 * Day) + rng.NextLong(40 * Day);
                var pause = new InterviewerPause
                {
                    Id = rng.NextGuid(), User = u, StartsMs = starts, EndsMs = rng.Chance(0.8) ? starts + ((1 + rng.Next(21)) * Day) : null,
                    Comment = rng.Chance(0.5) ? "Parental leave" : null, CreatedMs = starts - (5 * Day), UpdatedMs = starts - (5 * Day),
                };
                org.InterviewerPauses.Add(pause);
            }
        }
    }

    private static void Schedules(Organization org, DeterministicRandom rng, User[] interviewers)
    {
        var shared = org.Interviews.Where(i => i.Job is null && !i.IsArchived).ToArray();
        var local = org.Interviews.Where(i => i.Job is not null).ToDictionary(i => i.Job!);
        var trainedBy = org.InterviewerPools.Where(p => !p.IsArchived).SelectMany(p => p.Trainees.Select(t => (t, p))).ToArray();
        var events = 0;
        foreach (var a in org.Applications)
        {
            var plan = a.Stage.Plan.Stages;
            InterviewStage stage;
            string status;
            if (a.Stage.Type == StageType.Active && a.Stage.Order >= 2)
            {
                if (!rng.Chance(0.6)) continue;
                stage = a.Stage;
                status = rng.Next(10) switch { < 5 => "Scheduled", < 8 => "WaitingOnFeedback", _ => "Complete" };
            }
            else if (a.Stage.Type is StageType.Offer or StageType.Hired && plan.Count > 4)
            {
                if (!rng.Chance(0.25)) continue;
                stage = plan[4];
                status = "Complete";
            }
            else
            {
                continue;
            }

            var start = status == "Scheduled" ? org.BaseMs + ((1 + rng.Next(14)) * Day) : Math.Max(a.CreatedMs, a.UpdatedMs - (rng.Next(1, 6) * Day));
            start = (start / Hour * Hour) + (rng.Next(9) * Hour);
            var created = Math.Min(start - Day, org.BaseMs - 1);
            created = Math.Max(created, a.CreatedMs);
            var schedule = new InterviewSchedule
            {
                Id = rng.NextGuid(), Application = a, Stage = stage, Status = status, CreatedMs = created,
                ScheduledBy = a.Job.HiringTeam.Count > 0 ? a.Job.HiringTeam[0].User : null,
            };
            var count = stage.Order switch { 2 => 1, 3 => rng.Next(1, 3), _ => rng.Next(2, 5) };
            var at = start;
            for (var n = 0; n < count; n++)
            {
                var interview = stage.Order == 2 ? shared[0] : n == count - 1 && count > 2 ? shared.First(i => i.IsDebrief)
                    : local.TryGetValue(a.Job, out var work) && n == 0 ? work : shared[1 + rng.Next(4)];
                var e = new InterviewEvent
                {
                    Id = rng.NextGuid(), Schedule = schedule, Interview = interview, StartMs = at, EndMs = at + (interview.DurationMinutes * Minute),
                    CreatedMs = created, UpdatedMs = created, HasSubmittedFeedback = status == "Complete" || (status == "WaitingOnFeedback" && rng.Chance(0.4)),
                };
                var room = rng.Pick(Rooms);
                e.Location = rng.Chance(0.9) ? room : null;
                e.MeetingLink = room is "Google Meet" or "Zoom" ? (room == "Zoom" ? "https://northwind.zoom.us/j/" : "https://meet.google.com/") + e.Id.ToString("N")[..10] : null;
                var panel = stage.Order == 4 ? rng.Next(1, 3) : 1;
                for (var k = 0; k < panel; k++)
                {
                    var u = rng.Pick(interviewers);
                    if (!e.Interviewers.Exists(x => x.User == u)) e.Interviewers.Add(new EventInterviewer(u, interview.IsFeedbackRequired));
                }

                if (trainedBy.Length > 0 && rng.Chance(0.1))
                {
                    var (t, pool) = rng.Pick(trainedBy);
                    if (!e.Interviewers.Exists(x => x.User == t.User)) e.Interviewers.Add(new EventInterviewer(t.User, false, t.Stage.Role, pool));
                }

                if (e.HasSubmittedFeedback && events++ % 10 == 0)
                {
                    var transcript = new NotetakerTranscript { Id = rng.NextGuid(), Event = e, CreatedMs = e.EndMs + (10 * Minute) };
                    e.NotetakerTranscriptId = transcript.Id;
                    org.NotetakerTranscriptsById[transcript.Id] = transcript;
                }

                schedule.Events.Add(e);
                at = e.EndMs + (rng.Chance(0.5) ? 0 : 15 * Minute);
            }

            schedule.UpdatedMs = Math.Max(created, Math.Min(org.BaseMs - 1, schedule.Events[^1].EndMs + (status == "Complete" ? Day : 0)));
            org.AddInterviewSchedule(schedule);
        }
    }
}
