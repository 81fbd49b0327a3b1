namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the approvals, offer processes, surveys and reports, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
/// <remarks>
/// Approvals: one per offer that reached approval (completed for approved offers, pending on its step for offers waiting on
/// approvals) and one completed approval for about a third of the openings. Offer processes are made on demand
/// (<c>offerProcess.start</c>), not generated. Surveys: five live forms and one archived; a candidate experience survey
/// request for ~8% of the applications past the lead stage (60% of them answered) and a questionnaire submission for ~4%.
/// Reports: four saved reports whose rows are computed from the organisation when generated.
/// </remarks>
internal static class OfferRecordsGenerator
{
    private const int SeedSalt = 0x0F66;
    private const long Day = 86_400_000;

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = size;
        var rng = new DeterministicRandom(org.Seed ^ SeedSalt);
        org.OfferSystemFields =
        [
            new OfferFormField { Id = rng.NextGuid(), Type = "Date", Path = "", Title = "Start Date", IsRequired = true },
            new OfferFormField { Id = rng.NextGuid(), Type = "Currency", Path = "", Title = "Salary", IsRequired = true },
            new OfferFormField { Id = rng.NextGuid(), Type = "ValueSelect", Path = "", Title = "Opening" },
        ];
        foreach (var f in org.OfferSystemFields) f.Path = f.Id.ToString();
        org.SurveyOrganizationId = rng.NextGuid();
        var admins = org.Users.FindAll(u => u.IsEnabled && u.GlobalRole == 0);
        Approvals(org, rng, admins);
        Surveys(org, rng);
        Reports(org, rng);
    }

    private static void Approvals(Organization org, DeterministicRandom rng, List<User> admins)
    {
        foreach (var o in org.Offers)
        {
            if (o.Latest.ApprovalStatus is not { } status) continue;
            var approver = o.Latest.Author ?? admins[0];
            var submitted = o.Latest.CreatedMs + (rng.NextLong(6) * 3_600_000);
            var done = status == "Approved";
            var decided = submitted + (rng.NextLong(48) * 3_600_000);
            var a = new Approval
            {
                Id = rng.NextGuid(), DefinitionId = rng.NextGuid(), EntityType = "offer", EntityId = o.Id, CreatedMs = o.Latest.CreatedMs, UpdatedMs = done ? decided : submitted,
                SubmittedMs = submitted, CompletedMs = done ? decided : null,
            };
            a.Steps.Add(new ApprovalStep
            {
                Id = rng.NextGuid(), ApprovalsRequired = 1, CompletedMs = done ? decided : null,
                Approvers = [new Approver { Id = rng.NextGuid(), User = approver, Decision = done ? "approve" : "pending", DecidedMs = done ? decided : null, RequestedMs = submitted }],
            });
            Add(org, a);
        }

        foreach (var opening in org.Openings)
        {
            if (!rng.Chance(0.35) || opening.Author is null) continue;
            var created = opening.CreatedMs;
            var decided = created + Day + rng.NextLong(3 * Day);
            var a = new Approval
            {
                Id = rng.NextGuid(), DefinitionId = rng.NextGuid(), EntityType = "opening", EntityId = opening.Id, CreatedMs = created, UpdatedMs = decided,
                SubmittedMs = created, CompletedMs = decided,
            };
            a.Steps.Add(new ApprovalStep
            {
                Id = rng.NextGuid(), ApprovalsRequired = 1, CompletedMs = decided,
                Approvers = [new Approver { Id = rng.NextGuid(), User = admins[rng.Next(admins.Count)], Decision = "approve", DecidedMs = decided, RequestedMs = created }],
            });
            Add(org, a);
        }
    }

    public static void Add(Organization org, Approval a)
    {
        org.Approvals.Add(a);
        org.LatestApproval[a.EntityId] = a;
    }

    private static void Surveys(Organization org, DeterministicRandom rng)
    {
        OfferFormField Field(string type, string title, bool required, params string[] options) => new()
        {
            Id = rng.NextGuid(), Type = type, Path = "", Title = title, IsRequired = required,
            Options = Array.ConvertAll(options, o => new SelectableValue(o, o, false)),
        };
        SurveyForm Form(string title, string type, bool isDefault, bool archived, params OfferFormField[] fields)
        {
            foreach (var f in fields) f.Path = f.Id.ToString();
            var form = new SurveyForm
            {
                Id = rng.NextGuid(), Title = title, SurveyType = type, IsDefaultForm = isDefault, IsArchived = archived, Fields = fields,
                CreatedMs = org.BaseMs - (800 * Day), UpdatedMs = org.BaseMs - ((archived ? 500 : 200) * Day),
            };
            org.SurveyForms.Add(form);
            return form;
        }

        var experience = Form(
            "Candidate Experience Survey", "CandidateExperience", true, false,
            Field("ValueSelect", "How would you rate your interview experience?", true, "1", "2", "3", "4", "5"),
            Field("LongText", "What could we have done better?", false));
        Form("Candidate Experience Survey (2024)", "CandidateExperience", false, true, Field("Number", "Rate us from 1 to 10", true));
        var questionnaire = Form(
            "Application Questionnaire", "Questionnaire", true, false,
            Field("Boolean", "Are you authorised to work in the country of this role?", true),
            Field("String", "What is your notice period?", false));
        Form("Voluntary Diversity Survey", "Diversity", true, false, Field("ValueSelect", "Gender", false, "Woman", "Man", "Non-binary", "Prefer not to say"));
        Form("EEOC Survey", "EEOC", true, false, Field("ValueSelect", "Veteran status", false, "Protected veteran", "Not a protected veteran", "Decline to self-identify"));
        Form("Candidate Data Consent", "CandidateDataConsent", true, false, Field("Boolean", "I agree to Northwind Labs keeping my data for future roles", true));

        foreach (var a in org.Applications)
        {
            if (a.Status == ApplicationStatus.Lead) continue;
            var roll = rng.NextDouble();
            if (roll < 0.08)
            {
                var sent = Math.Min(org.BaseMs, a.CreatedMs + Day + rng.NextLong(10 * Day));
                var request = new SurveyRequest { Id = rng.NextGuid(), Application = a, Form = experience, Url = "", CreatedMs = sent, UpdatedMs = sent };
                request.Url = SurveyUrl(request.Id);
                org.SurveyRequests.Add(request);
                if (rng.Chance(0.6))
                {
                    var answered = Math.Min(org.BaseMs, sent + rng.NextLong(5 * Day));
                    var rating = 1 + rng.Next(5);
                    var values = $$"""{"{{experience.Fields[0].Path}}":"{{rating}}","{{experience.Fields[1].Path}}":"{{(rating >= 4 ? "Quick and friendly process." : "Scheduling took too long.")}}"}""";
                    org.SurveySubmissions.Add(new SurveySubmission { Id = rng.NextGuid(), Application = a, Form = experience, ValuesJson = values, CreatedMs = answered, UpdatedMs = answered });
                }
            }
            else if (roll < 0.12)
            {
                var answered = Math.Min(org.BaseMs, a.CreatedMs + rng.NextLong(Day));
                var values = $$"""{"{{questionnaire.Fields[0].Path}}":{{(rng.Chance(0.85) ? "true" : "false")}},"{{questionnaire.Fields[1].Path}}":"{{rng.Pick(NoticePeriods)}}"}""";
                org.SurveySubmissions.Add(new SurveySubmission { Id = rng.NextGuid(), Application = a, Form = questionnaire, ValuesJson = values, CreatedMs = answered, UpdatedMs = answered });
            }
        }

        // Served in creation order, like every list.
        org.SurveyRequests.Sort((x, y) => x.CreatedMs.CompareTo(y.CreatedMs));
        org.SurveySubmissions.Sort((x, y) => x.CreatedMs.CompareTo(y.CreatedMs));
    }

    private static readonly string[] NoticePeriods = ["Immediately", "2 weeks", "1 month", "3 months"];

    public static string SurveyUrl(Guid requestId) => $"https://app.ashbyhq.com/candidate-survey/{requestId}";

    private static void Reports(Organization org, DeterministicRandom rng)
    {
        (string Title, ReportKind Kind)[] reports =
        [
            ("Hires by Department", ReportKind.HiresByDepartment),
            ("Applications by Source", ReportKind.ApplicationsBySource),
            ("Open Jobs by Department", ReportKind.OpenJobsByDepartment),
            ("Offers by Status", ReportKind.OffersByStatus),
        ];
        foreach (var (title, kind) in reports)
        {
            org.Reports.Add(new SavedReport { Id = rng.NextGuid(), Title = title, Kind = kind, UpdatedMs = org.BaseMs - ((1 + rng.Next(60)) * Day) });
        }
    }
}
