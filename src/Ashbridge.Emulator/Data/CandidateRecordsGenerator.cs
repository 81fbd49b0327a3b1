namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the files, projects, fraud checks and referrals of candidates, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
internal static class CandidateRecordsGenerator
{
    private const int SeedSalt = 0x0A11;
    private const long Day = 86_400_000;

    private static readonly string[] ProjectThemes =
        ["Backend Sourcing", "Design Leadership", "Silver Medalists", "University Pipeline", "Sales Expansion", "Data Platform Talent", "Security Engineers", "Boomerang Alumni", "Diversity Outreach", "Executive Search"];

    private static readonly string[] ExtraFiles = ["Cover_Letter.pdf", "Portfolio.pdf", "References.txt", "Work_Sample.pdf"];

    public static void Generate(Organization org, OrganizationSize size)
    {
        var rng = new DeterministicRandom(org.Seed ^ SeedSalt);
        _ = size;
        Projects(org, rng);
        Files(org, rng);
        org.ReferralForm = new ReferralForm
        {
            Id = rng.NextGuid(), OrganizationId = rng.NextGuid(), Title = "Employee Referral",
            Fields =
            [
                (rng.NextGuid(), "String", "_systemfield_name", "Name", true),
                (rng.NextGuid(), "Email", "_systemfield_email", "Email", true),
                (rng.NextGuid(), "Phone", "_systemfield_phone", "Phone", false),
                (rng.NextGuid(), "String", "_systemfield_linkedin", "LinkedIn", false),
                (rng.NextGuid(), "Job", "_systemfield_job", "Job", true),
                (rng.NextGuid(), "LongText", "_systemfield_referral_note", "Why are you referring this person?", false),
            ],
        };
    }

    /// <summary>One project per 40 candidates (at least 6, at most 500); the second is archived, the third confidential; 3–30 members each.</summary>
    private static void Projects(Organization org, DeterministicRandom rng)
    {
        var candidates = org.Candidates;
        var authors = org.Users.FindAll(u => u.IsEnabled && u.GlobalRole <= 1);
        var count = Math.Clamp(candidates.Count / 40, 6, 500);
        for (var i = 0; i < count; i++)
        {
            var created = org.BaseMs - Day - rng.NextLong(700 * Day);
            var theme = ProjectThemes[i % ProjectThemes.Length];
            var p = new Project
            {
                Id = rng.NextGuid(), Title = i < ProjectThemes.Length ? theme : $"{theme} {2024 + (i % 3)} #{i / ProjectThemes.Length}",
                Description = rng.Chance(0.7) ? $"Candidates for {theme.ToLowerInvariant()}." : null,
                IsArchived = i == 1 || (i > 10 && rng.Chance(0.1)), Confidential = i == 2 || (i > 10 && rng.Chance(0.05)),
                Author = authors.Count == 0 ? null : rng.Pick(authors), CreatedMs = created, UpdatedMs = created + rng.NextLong(30 * Day),
            };
            org.Projects.Add(p);
            org.ProjectsById[p.Id] = p;
            var members = new List<Candidate>();
            var wanted = Math.Min(candidates.Count, rng.Next(3, 31));
            for (var k = 0; k < wanted; k++)
            {
                var c = rng.Pick(candidates);
                if (members.Contains(c)) continue;
                members.Add(c);
                if (!org.CandidateProjects.TryGetValue(c, out var list)) org.CandidateProjects[c] = list = [];
                list.Add(p);
            }

            org.ProjectMembers[p] = members;
        }
    }

    /// <summary>About one candidate in ten has an extra file besides the resume (cover letter, portfolio…).</summary>
    private static void Files(Organization org, DeterministicRandom rng)
    {
        foreach (var c in org.Candidates)
        {
            if (!rng.Chance(0.1)) continue;
            var id = rng.NextGuid();
            var name = rng.Pick(ExtraFiles);
            var file = new StoredFile
            {
                Id = id, Name = c.Name.Replace(' ', '_') + "_" + name, Handle = "file-" + id.ToString("N"),
                ContentType = name.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "application/pdf", CreatedMs = c.CreatedMs, Candidate = c,
            };
            (c.Files ??= []).Add(file);
            org.FilesByHandle[file.Handle] = file;
        }
    }
}
