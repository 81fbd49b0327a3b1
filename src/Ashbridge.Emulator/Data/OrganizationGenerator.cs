using System.Globalization;

namespace Ashbridge.Emulator.Data;

/// <summary>
/// Builds a realistic, internally consistent organisation from a seed and a size. Deterministic: the same seed and
/// size give the same organisation, so the API serves byte-identical JSON. Dates come from a fixed base instant.
/// </summary>
internal sealed class OrganizationGenerator
{
    /// <summary>The instant generated data is "as of": 2026-11-01T00:00:00Z.</summary>
    public static readonly long BaseMs = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private const long Day = 86_400_000;
    private const long History = 3 * 365 * Day;

    private readonly DeterministicRandom _rng;
    private readonly NamePools _pools;
    private readonly Organization _org;
    private readonly OrganizationSize _size;
    private CustomFieldCatalog _fields = null!;
    private List<Location> _offices = [];
    private List<Department> _teams = [];
    private List<User> _recruiters = [];
    private List<Job> _openJobs = [];
    private List<Job> _pastJobs = [];
    private CandidateLocation[] _cities = [];
    private Source[] _liveSources = [];
    private ArchiveReason[] _liveReasons = [];
    private Tag[] _liveTags = [];

    private OrganizationGenerator(int seed, OrganizationSize size)
    {
        _rng = new DeterministicRandom(seed);
        _pools = new NamePools(seed);
        _size = size;
        _org = new Organization { Seed = seed, BaseMs = BaseMs };
    }

    public static Organization Generate(int seed, OrganizationSize size)
    {
        var generator = new OrganizationGenerator(seed, size);
        generator.Run();
        return generator._org;
    }

    private void Run()
    {
        _fields = CustomFieldCatalog.Create(_org, _rng);
        Departments();
        Locations();
        Users();
        Metadata();
        Jobs();
        Candidates();

        // Objects of the wider API, each from its own seeded generator so the core organisation above never changes.
        CandidateRecordsGenerator.Generate(_org, _size);
        ApplicationRecordsGenerator.Generate(_org, _size);
        InterviewRecordsGenerator.Generate(_org, _size);
        JobRecordsGenerator.Generate(_org, _size);
        OrganizationRecordsGenerator.Generate(_org, _size);
        OfferRecordsGenerator.Generate(_org, _size);
    }

    private long PastMs(long maxAgeMs) => BaseMs - 1 - _rng.NextLong(maxAgeMs);

    private void Departments()
    {
        foreach (var (name, teams, _) in ReferenceData.Departments)
        {
            var parent = NewDepartment(name, null);
            if (teams.Length == 0) _teams.Add(parent);
            foreach (var team in teams) _teams.Add(NewDepartment(team, parent));
        }

        NewDepartment("Field Operations", null).IsArchived = true;
    }

    private Department NewDepartment(string name, Department? parent)
    {
        var created = BaseMs - History - (400 * Day) + _rng.NextLong(30 * Day);
        var d = new Department
        {
            Id = _rng.NextGuid(), Name = name, Parent = parent, CreatedMs = created, UpdatedMs = created + _rng.NextLong(300 * Day),
            ExternalName = _rng.Chance(0.3) ? name + " (External)" : null,
        };
        _org.Departments.Add(d);
        return d;
    }

    private void Locations()
    {
        foreach (var (region, offices) in ReferenceData.Regions)
        {
            var hierarchy = NewLocation(region, null, null, 0);
            hierarchy.IsHierarchy = true;
            foreach (var o in offices)
            {
                _offices.Add(NewLocation(o.Name, hierarchy, new PostalAddress(o.Country, o.State, o.City, o.Postal, o.Street), o.Workplace));
            }
        }

        NewLocation("Boston (closed)", _org.Locations[0], new PostalAddress("United States", "Massachusetts", "Boston", "02110", "1 Federal Street"), 0).IsArchived = true;
        _cities = [.. ReferenceData.CandidateCities.Select(c => new CandidateLocation(_rng.NextGuid(), c.City, c.Region, c.Country, c.Timezone))];
    }

    private Location NewLocation(string name, Location? parent, PostalAddress? address, byte workplace)
    {
        var created = BaseMs - History - (380 * Day) + _rng.NextLong(30 * Day);
        var l = new Location
        {
            Id = _rng.NextGuid(), Name = name, Parent = parent, Address = address, WorkplaceType = workplace,
            CreatedMs = created, UpdatedMs = created + _rng.NextLong(200 * Day), ExternalName = _rng.Chance(0.25) ? name + " Office" : null,
        };
        _org.Locations.Add(l);
        return l;
    }

    private void Users()
    {
        var emails = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _size.Users; i++)
        {
            var first = _rng.Pick(_pools.FirstNames);
            var last = _rng.Pick(_pools.LastNames);
            var email = string.Create(CultureInfo.InvariantCulture, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@northwind-labs.com");
            if (!emails.Add(email)) email = string.Create(CultureInfo.InvariantCulture, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{i}@northwind-labs.com");
            var created = BaseMs - History - (200 * Day) + _rng.NextLong(History);
            var u = new User
            {
                Id = _rng.NextGuid(), FirstName = first, LastName = last, Email = email, CreatedMs = created,
                UpdatedMs = Math.Min(BaseMs - 1, created + _rng.NextLong(400 * Day)),
                GlobalRole = i < 3 ? (byte)0 : (byte)(_rng.Next(100) switch { < 15 => 1, < 92 => 2, _ => 3 }),
                IsEnabled = i < 5 || (i != 5 && !_rng.Chance(0.07)),
                Manager = i > 0 ? _org.Users[_rng.Next(Math.Max(1, i / 4 + 1))] : null,
            };
            _org.Users.Add(u);
            _org.UsersById[u.Id] = u;
            if (u.IsEnabled && (i < 8 || _rng.Chance(0.15))) _recruiters.Add(u);
        }
    }

    private void Metadata()
    {
        foreach (var title in ReferenceData.HiringTeamRoles) _org.HiringTeamRoles.Add(new HiringTeamRole { Id = _rng.NextGuid(), Title = title });
        foreach (var (type, sources) in ReferenceData.Sources)
        {
            var sourceType = new SourceType { Id = _rng.NextGuid(), Title = type };
            _org.SourceTypes.Add(sourceType);
            foreach (var s in sources) _org.Sources.Add(new Source { Id = _rng.NextGuid(), Title = s.TrimEnd('*'), IsArchived = s.EndsWith('*'), Type = sourceType });
        }

        foreach (var (text, type) in ReferenceData.ArchiveReasons)
        {
            _org.ArchiveReasons.Add(new ArchiveReason { Id = _rng.NextGuid(), Text = text.TrimEnd('*'), ReasonType = type, IsArchived = text.EndsWith('*') });
        }

        foreach (var t in ReferenceData.Tags)
        {
            var created = BaseMs - History + _rng.NextLong(History / 2);
            _org.Tags.Add(new Tag { Id = _rng.NextGuid(), Title = t.TrimEnd('*'), IsArchived = t.EndsWith('*'), CreatedMs = created, UpdatedMs = created });
        }

        _liveSources = [.. _org.Sources.Where(s => !s.IsArchived)];
        _liveReasons = [.. _org.ArchiveReasons.Where(r => !r.IsArchived)];
        _liveTags = [.. _org.Tags.Where(t => !t.IsArchived)];
    }

    private void Jobs()
    {
        var teamTitles = new Dictionary<Department, string[]>();
        foreach (var team in _teams)
        {
            var top = team.Parent ?? team;
            teamTitles[team] = ReferenceData.Departments.First(d => d.Department == top.Name).Titles;
        }

        for (var i = 0; i < _size.Jobs; i++)
        {
            // The first four jobs cover every status so even the smallest org shows each one.
            var status = i < 4 ? (JobStatus)((i + 1) % 4) : _rng.Next(100) switch
            {
                < 10 => JobStatus.Draft, < 55 => JobStatus.Open, < 85 => JobStatus.Closed, _ => JobStatus.Archived,
            };
            var team = _rng.Pick(_teams);
            var title = _rng.Pick(ReferenceData.Levels) + _rng.Pick(teamTitles[team]);
            var created = BaseMs - History + _rng.NextLong(History - (20 * Day));
            long? opened = status == JobStatus.Draft ? null : created + _rng.NextLong(10 * Day);
            long? closed = status is JobStatus.Closed or JobStatus.Archived ? Math.Min(BaseMs - 1, opened!.Value + (20 * Day) + _rng.NextLong(200 * Day)) : null;
            var author = _rng.Pick(_recruiters);
            var job = new Job
            {
                Id = _rng.NextGuid(), Title = title, Status = status, Confidential = i == 1 || (i > 4 && _rng.Chance(0.06)),
                EmploymentType = (byte)(_rng.Next(100) switch { < 86 => 0, < 91 => 1, < 95 => 2, < 99 => 3, _ => 4 }),
                Location = _rng.Pick(_offices), Department = team, Plan = NewPlan(title, created), Author = author,
                CreatedMs = created, OpenedMs = opened, ClosedMs = closed,
                UpdatedMs = Math.Min(BaseMs - 1, (closed ?? opened ?? created) + _rng.NextLong(5 * Day)),
                RequisitionId = _rng.Chance(0.7) ? string.Create(CultureInfo.InvariantCulture, $"REQ-{1000 + i}") : null,
            };
            job.HiringTeam.Add(new TeamMember(_rng.Pick(_recruiters), _org.HiringTeamRoles[1]));
            job.HiringTeam.Add(new TeamMember(_rng.Pick(_org.Users), _org.HiringTeamRoles[0]));
            if (_rng.Chance(0.5)) job.HiringTeam.Add(new TeamMember(_rng.Pick(_recruiters), _org.HiringTeamRoles[2]));
            job.CustomFields =
            [
                new(_fields["Job", "Cost Center"], text: string.Create(CultureInfo.InvariantCulture, $"CC-{team.Name[..Math.Min(3, team.Name.Length)].ToUpperInvariant()}-{100 + _rng.Next(900)}")),
                new(_fields["Job", "Compensation Band"], number: 80_000 + (_rng.Next(40) * 2_500), number2: 130_000 + (_rng.Next(60) * 2_500)),
                new(_fields["Job", "Headcount Type"], bits: _rng.Next(3)),
            ];
            _org.Jobs.Add(job);
            _org.JobsById[job.Id] = job;
            Postings(job);
            Openings(job, i);
            if (status == JobStatus.Open) _openJobs.Add(job);
            else if (status != JobStatus.Draft) _pastJobs.Add(job);
        }
    }

    private InterviewPlan NewPlan(string jobTitle, long created)
    {
        var plan = new InterviewPlan { Id = _rng.NextGuid(), Title = jobTitle + " Interview Plan", CreatedMs = created, UpdatedMs = created };
        for (var s = 0; s < ReferenceData.StagePlan.Length; s++)
        {
            var stage = new InterviewStage { Id = _rng.NextGuid(), Title = ReferenceData.StageTitles[s], Type = ReferenceData.StagePlan[s], Order = s, Plan = plan };
            plan.Stages.Add(stage);
            _org.StagesById[stage.Id] = stage;
        }

        _org.InterviewPlans.Add(plan);
        return plan;
    }

    private void Postings(Job job)
    {
        var count = job.Status == JobStatus.Open ? (_rng.Chance(0.2) ? 2 : 1) : (_rng.Chance(0.6) ? 1 : 0);
        for (var p = 0; p < count; p++)
        {
            var posting = new JobPosting
            {
                Id = _rng.NextGuid(), Job = job, Title = job.Title, IsListed = p == 0 && _rng.Chance(0.85),
                IsPublished = job.Status == JobStatus.Open, WorkplaceType = job.Location.WorkplaceType,
                PublishedMs = job.OpenedMs ?? job.CreatedMs, CreatedMs = job.CreatedMs, UpdatedMs = job.UpdatedMs,
                ApplicationDeadline = null,
            };
            job.Postings.Add(posting);
            _org.JobPostings.Add(posting);
            _org.JobPostingsById[posting.Id] = posting;
        }
    }

    private void Openings(Job job, int index)
    {
        var count = _rng.Chance(0.15) ? 2 : 1;
        for (var n = 0; n < count; n++)
        {
            // Opening states follow the job: a draft job's openings are Draft or Approved, a closed job's Filled or Closed.
            var state = job.Status switch
            {
                JobStatus.Draft => _rng.Chance(0.5) ? 2 : 0,
                JobStatus.Open => 4,
                JobStatus.Closed => _rng.Chance(0.7) ? 3 : 1,
                _ => 1,
            };
            var opening = new Opening
            {
                Id = _rng.NextGuid(), VersionId = _rng.NextGuid(), Identifier = string.Create(CultureInfo.InvariantCulture, $"{job.Department.Name[..Math.Min(3, job.Department.Name.Length)].ToUpperInvariant()}-{index + 1:D4}{(n == 0 ? "" : "-B")}"),
                Description = "Headcount for " + job.Title, Team = job.Department, State = (byte)state, EmploymentType = job.EmploymentType,
                IsArchived = job.Status == JobStatus.Archived, ArchivedMs = job.Status == JobStatus.Archived ? job.ClosedMs : null,
                OpenedMs = job.OpenedMs, ClosedMs = state is 1 or 3 ? job.ClosedMs : null, CreatedMs = job.CreatedMs, UpdatedMs = job.UpdatedMs,
                TargetHireMs = job.CreatedMs + (90 * Day), TargetStartMs = job.CreatedMs + (120 * Day), IsBackfill = _rng.Chance(0.2), Author = job.Author,
                CustomFields = [new(_fields["Opening", "Budget Code"], text: string.Create(CultureInfo.InvariantCulture, $"FY{26 + (index % 2)}-{_rng.Next(100, 999)}")), new(_fields["Opening", "Approved in Headcount Plan"], bits: _rng.Chance(0.8) ? 1 : 0)],
            };
            opening.Jobs.Add(job);
            opening.Locations.Add(job.Location);
            job.Openings.Add(opening);
            _org.Openings.Add(opening);
            _org.OpeningsById[opening.Id] = opening;
        }
    }

    private void Candidates()
    {
        var n = _size.Candidates;
        _org.Candidates.Capacity = n;
        _org.Applications.Capacity = n * 3 / 2;
        _org.CandidatesById.EnsureCapacity(n);
        _org.ApplicationsById.EnsureCapacity(n * 3 / 2);
        var step = History / n;
        for (var i = 0; i < n; i++)
        {
            // Candidates are created in "added at" order, the order candidate.list serves them in.
            var created = BaseMs - History + (i * step) + _rng.NextLong(Math.Max(1, step));
            var candidate = NewCandidate(i, created);
            _org.Candidates.Add(candidate);
            _org.CandidatesById[candidate.Id] = candidate;
            var apps = _rng.Next(100) switch { < 60 => 1, < 90 => 2, _ => 3 };
            var list = new Application[apps];
            var at = created;
            for (var a = 0; a < apps; a++)
            {
                list[a] = NewApplication(candidate, at);
                at = list[a].CreatedMs + _rng.NextLong(30 * Day);
            }

            candidate.Applications = list;
            candidate.Source = list[0].Source;
            candidate.UpdatedMs = Math.Max(candidate.UpdatedMs, list[^1].UpdatedMs);
        }
    }

    private Candidate NewCandidate(int i, long created)
    {
        var first = _rng.Pick(_pools.FirstNames);
        var last = _rng.Pick(_pools.LastNames);
        var lowerFirst = first.ToLowerInvariant();
        var lowerLast = last.ToLowerInvariant();
        var companyIndex = _rng.Next(_pools.Companies.Length);
        var emails = new List<ContactPoint>(3)
        {
            new(string.Create(CultureInfo.InvariantCulture, $"{lowerFirst}.{lowerLast}{i}@{_rng.Pick(NamePools.EmailDomains)}"), ContactType.Personal, true),
        };
        if (_rng.Chance(0.35)) emails.Add(new(string.Create(CultureInfo.InvariantCulture, $"{lowerFirst[0]}{lowerLast}{i}@{_pools.CompanyDomains[companyIndex]}"), ContactType.Work, false));
        if (_rng.Chance(0.1)) emails.Add(new(string.Create(CultureInfo.InvariantCulture, $"{lowerFirst}{i}@alumni.example.edu"), ContactType.Other, false));
        var c = new Candidate
        {
            Id = _rng.NextGuid(), Name = first + " " + last, CreatedMs = created, UpdatedMs = created, Emails = [.. emails],
            Phones = _rng.Chance(0.8)
                ? [new(string.Create(CultureInfo.InvariantCulture, $"+1 {_rng.Next(201, 989)}-555-{_rng.Next(10000):D4}"), _rng.Chance(0.8) ? ContactType.Personal : ContactType.Work, true)]
                : [],
            Position = _rng.Chance(0.8) ? _rng.Pick(_pools.Positions) : null,
            Company = _rng.Chance(0.75) ? _pools.Companies[companyIndex] : null,
            School = _rng.Chance(0.6) ? _rng.Pick(NamePools.Schools) : null,
            HasResume = _rng.Chance(0.7),
            Location = _rng.Chance(0.85) ? _rng.Pick(_cities) : null,
            CreditedTo = _rng.Chance(0.5) ? _rng.Pick(_recruiters) : null,
            FraudStatus = _rng.Next(100) switch { < 88 => null, < 96 => "NotFraudulent", < 98 => "Unreviewed", < 99 => "PassedFraudCheck", _ => "Unsure" },
        };
        var social = _rng.Next(100);
        if (social < 70)
        {
            var linkedIn = string.Create(CultureInfo.InvariantCulture, $"https://www.linkedin.com/in/{lowerFirst}-{lowerLast}-{i}");
            c.SocialLinks = social < 20 ? [new(0, linkedIn), new(1, string.Create(CultureInfo.InvariantCulture, $"https://github.com/{lowerFirst}{lowerLast}{i}"))] : [new(0, linkedIn)];
        }

        if (_rng.Chance(0.2)) c.Tags = _rng.Chance(0.8) ? [_rng.Pick(_liveTags)] : [_liveTags[0], _liveTags[1 + _rng.Next(_liveTags.Length - 1)]];
        c.CustomFields = CandidateFields();
        return c;
    }

    private CustomFieldValue[] CandidateFields()
    {
        var roll = _rng.Next(100);
        if (roll < 35) return [];
        var values = new List<CustomFieldValue>(4) { new(_fields["Candidate", "Work Preference"], bits: _rng.Next(3)) };
        if (roll < 70) values.Add(new(_fields["Candidate", "Years of Experience"], number: _rng.Next(1, 25)));
        if (roll % 3 == 0) values.Add(new(_fields["Candidate", "Salary Expectation"], number: 60_000 + (_rng.Next(120) * 1_000)));
        if (roll % 5 == 0) values.Add(new(_fields["Candidate", "Visa Sponsorship Required"], bits: _rng.Chance(0.3) ? 1 : 0));
        if (roll % 7 == 0) values.Add(new(_fields["Candidate", "Languages"], bits: 1 | (1L << (1 + _rng.Next(4)))));
        if (roll % 11 == 0) values.Add(new(_fields["Candidate", "Recruiter Notes"], text: "Strong communicator; keep warm for future roles."));
        if (roll % 13 == 0) values.Add(new(_fields["Candidate", "Preferred Name"], text: "Sam"));
        return [.. values];
    }

    private Application NewApplication(Candidate candidate, long notBefore)
    {
        var usePast = _pastJobs.Count > 0 && (_openJobs.Count == 0 || _rng.Chance(0.45));
        var job = usePast ? _rng.Pick(_pastJobs) : _rng.Pick(_openJobs);
        var plan = job.Plan.Stages;
        var roll = _rng.Next(1000);
        InterviewStage stage;
        if (usePast)
        {
            stage = roll < 130 ? plan[6] : plan[7];
        }
        else
        {
            stage = roll switch { < 200 => plan[0], < 420 => plan[1], < 560 => plan[2], < 660 => plan[3], < 720 => plan[4], < 800 => plan[5], < 850 => plan[6], _ => plan[7] };
        }

        var start = Math.Max(notBefore, job.OpenedMs ?? job.CreatedMs);
        var created = Math.Min(BaseMs - (2 * Day), start + _rng.NextLong(14 * Day));
        var updated = Math.Min(BaseMs - 1, created + _rng.NextLong(60 * Day) + 1);
        var source = stage.Type == StageType.Lead ? _liveSources[4 + _rng.Next(3)] : _rng.Pick(_liveSources);
        var app = new Application
        {
            Id = _rng.NextGuid(), Candidate = candidate, Job = job, Stage = stage, CreatedMs = created, UpdatedMs = updated, Source = source,
            CreditedTo = candidate.CreditedTo ?? (_rng.Chance(0.3) ? job.HiringTeam[0].User : null),
            AppliedViaPosting = stage.Type != StageType.Lead && job.Postings.Count > 0 && _rng.Chance(0.6) ? job.Postings[0] : null,
        };
        if (stage.Type == StageType.Archived)
        {
            app.ArchivedMs = updated;
            app.ArchiveReason = _rng.Pick(_liveReasons);
        }

        if (_rng.Chance(0.3))
        {
            app.CustomFields = _rng.Chance(0.5)
                ? [new(_fields["Application", "Priority"], bits: _rng.Next(3))]
                : [new(_fields["Application", "Priority"], bits: _rng.Next(3)), new(_fields["Application", "Internal Rating"], number: _rng.Next(1, 6))];
        }

        _org.Applications.Add(app);
        _org.ApplicationsById[app.Id] = app;
        if (stage.Type is StageType.Offer or StageType.Hired || (stage.Type == StageType.Archived && _rng.Chance(0.04))) NewOffer(app);
        return app;
    }

    private void NewOffer(Application app)
    {
        var (acceptance, status, approval) = app.Stage.Type switch
        {
            StageType.Hired => ("Accepted", "CandidateAccepted", "Approved"),
            StageType.Archived => ("Declined", "CandidateRejected", "Approved"),
            _ => _rng.Next(4) switch
            {
                0 => ("Created", "WaitingOnApprovalStart", (string?)null),
                1 => ("Pending", "WaitingOnOfferApproval", "WaitingOnApprovals"),
                _ => ("WaitingOnResponse", "WaitingOnCandidateResponse", "Approved"),
            },
        };
        var created = Math.Max(app.CreatedMs, app.UpdatedMs - (10 * Day));
        var offer = new Offer
        {
            Id = _rng.NextGuid(), Application = app, AcceptanceStatus = acceptance, OfferStatus = status, CreatedMs = created, UpdatedMs = app.UpdatedMs,
            DecidedMs = acceptance is "Accepted" or "Declined" ? app.UpdatedMs : null,
        };
        var versions = _rng.Chance(0.2) ? 2 : 1;
        var salary = 70_000 + (_rng.Next(100) * 1_500);
        var opening = app.Job.Openings.Count > 0 ? app.Job.Openings[0] : null;
        for (var v = 0; v < versions; v++)
        {
            offer.Versions.Add(new OfferVersion
            {
                Id = _rng.NextGuid(), CreatedMs = created + (v * Day), StartMs = StartDate(app.UpdatedMs + (21 * Day) + _rng.NextLong(30 * Day)),
                Salary = salary + (v * 5_000), Currency = ReferenceData.Currencies[app.Job.Location.Address?.Country switch { "United Kingdom" => 4, "Germany" or "Ireland" or "Netherlands" => 3, "Canada" => 5, _ => 0 }],
                Opening = opening, Author = app.Job.HiringTeam[0].User, ApprovalStatus = approval,
                CustomFields = _rng.Chance(0.5)
                    ? [new(_fields["Offer", "Signing Bonus"], number: 5_000 + (_rng.Next(10) * 1_000)), new(_fields["Offer", "Equity (shares)"], number: 1_000 * _rng.Next(1, 20))]
                    : [new(_fields["Offer", "Relocation Package"], bits: _rng.Chance(0.3) ? 1 : 0)],
            });
        }

        _org.Offers.Add(offer);
        _org.OffersById[offer.Id] = offer;
    }

    /// <summary>Start dates are midnight UTC.</summary>
    public static long StartDate(long ms) => ms - (ms % Day);
}
