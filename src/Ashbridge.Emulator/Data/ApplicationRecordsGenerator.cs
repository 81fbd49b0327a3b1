namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the feedback forms and submissions and the AI review criteria of applications, after the core organisation.
/// It draws from its own seeded generator, so adding to it never changes what the other generators produce.
/// Criteria evaluations are not stored: <see cref="CriteriaEvaluations"/> derives them from the application and criterion ids.
/// </summary>
internal static class ApplicationRecordsGenerator
{
    private const int SeedSalt = 0x0B22;

    /// <summary>The share of applications past the recruiter screen that carry submitted feedback.</summary>
    private const double FeedbackShare = 0.5;

    public static readonly FormOption[] Recommendations =
    [
        new("Strong Hire", "strong_hire"), new("Hire", "hire"), new("No Hire", "no_hire"), new("Strong No Hire", "strong_no_hire"),
    ];

    public static readonly string[] Notes =
    [
        "Clear communicator; walked through trade-offs without prompting and asked good questions about the team.",
        "Solid fundamentals. Needed a hint on the second part but recovered quickly and wrote clean code.",
        "Strong ownership stories from the last role; would raise the bar on the team.",
        "Struggled to structure the problem and did not test the solution. Not ready for this level.",
        "Good culture add. Some gaps in system design depth that coaching could close.",
        "Impressive depth in the domain; answers were concise and backed by concrete examples.",
        "Mixed signal: great on collaboration, weaker on the technical deep dive.",
        "Candidate was well prepared and enthusiastic about the mission; references to check on delivery pace.",
    ];

    private static readonly (string Title, string Type, string Prompt)[] CriteriaPool =
    [
        ("Relevant experience", "ResumePrompt", "Does the candidate have at least three years of experience in a closely related role?"),
        ("Location eligibility", "DidAnswerApplicationFormQuestion", "Did the candidate confirm they can work from one of the job's locations?"),
        ("Work authorisation", "DidAnswerApplicationFormQuestion", "Did the candidate answer the work authorisation question?"),
        ("Leadership", "ResumePrompt", "Has the candidate led a project or a team end to end?"),
        ("Motivation answer", "SimilarityToAiGeneratedAnswer", "How closely does the answer to 'Why this role?' resemble a generated answer?"),
        ("Education", "ResumePrompt", "Does the candidate hold a degree or equivalent experience in a relevant field?"),
    ];

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = size;
        var rng = new DeterministicRandom(org.Seed ^ SeedSalt);
        Forms(org, rng);
        Criteria(org, rng);
        Feedback(org, rng);
    }

    private static void Forms(Organization org, DeterministicRandom rng)
    {
        var at = org.BaseMs - (3L * 365 * 86_400_000);
        FeedbackFormDefinition Form(string title, bool isDefault, bool archived, bool technical)
        {
            FormField[] fields =
            [
                new(rng.NextGuid(), "overall_recommendation", "Overall Recommendation", "ValueSelect", true, Recommendations),
                new(rng.NextGuid(), technical ? "technical_skills" : "role_fit", technical ? "Technical Skills" : "Role Fit", "Score", false),
                new(rng.NextGuid(), "communication", "Communication", "Score", false),
                new(rng.NextGuid(), "detailed_feedback", "Detailed Feedback", "RichText", false),
            ];
            var form = new FeedbackFormDefinition
            {
                Id = rng.NextGuid(), Title = title, IsDefault = isDefault, IsArchived = archived, CreatedMs = at, UpdatedMs = at,
                Sections = [new FormSection("Scorecard", fields)],
            };
            org.FeedbackForms.Add(form);
            return form;
        }

        Form("Interview Feedback", isDefault: true, archived: false, technical: false);
        Form("Recruiter Screen Scorecard", isDefault: false, archived: false, technical: false);
        Form("Technical Interview Scorecard", isDefault: false, archived: false, technical: true);
        Form("Onsite Interview Scorecard", isDefault: false, archived: false, technical: true);
        Form("Legacy Phone Screen", isDefault: false, archived: true, technical: false);
    }

    /// <summary>The form a stage's interviewers fill in (by stage title; the default form otherwise).</summary>
    public static FeedbackFormDefinition FormFor(Organization org, InterviewStage stage) => stage.Title switch
    {
        "Recruiter Screen" => org.FeedbackForms[1],
        "Technical Interview" => org.FeedbackForms[2],
        "Onsite" => org.FeedbackForms[3],
        _ => org.FeedbackForms[0],
    };

    /// <summary>About 70% of the jobs that take applications use AI application review, with two to four criteria.</summary>
    private static void Criteria(Organization org, DeterministicRandom rng)
    {
        foreach (var job in org.Jobs)
        {
            if (job.Status == JobStatus.Draft || !rng.Chance(0.7)) continue;
            var count = rng.Next(2, 5);
            var start = rng.Next(CriteriaPool.Length);
            var criteria = new Criterion[count];
            for (var i = 0; i < count; i++)
            {
                var (title, type, prompt) = CriteriaPool[(start + i) % CriteriaPool.Length];
                criteria[i] = new Criterion(rng.NextGuid(), title, type, prompt);
            }

            org.JobCriteria[job] = criteria;
        }
    }

    /// <summary>
    /// Half of the applications that got past the recruiter screen (their history holds two or more Active stages) have
    /// one scorecard per Active stage they left (two for an onsite), submitted by hiring team members or other users.
    /// </summary>
    private static void Feedback(Organization org, DeterministicRandom rng)
    {
        var users = org.Users.FindAll(u => u.IsEnabled);
        if (users.Count == 0) return;
        var pending = new List<FeedbackSubmission>();
        foreach (var a in org.Applications)
        {
            if (a.Stage.Order < 3 && a.Stage.Type != StageType.Archived) continue;
            var history = ApplicationHistory.Of(a);
            var active = 0;
            foreach (var h in history) active += h.Stage.Type == StageType.Active ? 1 : 0;
            if (active < 2 || !rng.Chance(FeedbackShare)) continue;
            foreach (var h in history)
            {
                if (h.Stage.Type != StageType.Active || h.LeftMs is not { } left) continue;
                var interviewers = h.Stage.Title == "Onsite" ? 2 : 1;
                for (var i = 0; i < interviewers; i++)
                {
                    var team = a.EffectiveHiringTeam;
                    var by = team.Count > 0 && rng.Chance(0.5) ? team[rng.Next(team.Count)].User : users[rng.Next(users.Count)];
                    var submitted = h.EnteredMs + ((left - h.EnteredMs) * (i + 1) / (interviewers + 1));
                    var score = (byte)rng.Next(1, 5);
                    pending.Add(new FeedbackSubmission
                    {
                        Id = rng.NextGuid(), Application = a, Form = FormFor(org, h.Stage), SubmittedBy = by, ApplicationHistoryId = h.Id,
                        CreatedMs = submitted, UpdatedMs = submitted,
                        Recommendation = (byte)(score >= 3 ? rng.Next(2) : 2 + rng.Next(2)),
                        TechnicalScore = score, CommunicationScore = (byte)rng.Next(1, 5), NoteIndex = (short)rng.Next(Notes.Length),
                    });
                }
            }
        }

        // Served in submission order, like Ashby's creation order.
        pending.Sort((x, y) => x.CreatedMs != y.CreatedMs ? x.CreatedMs.CompareTo(y.CreatedMs) : x.Id.CompareTo(y.Id));
        org.Feedback.AddRange(pending);
    }
}
