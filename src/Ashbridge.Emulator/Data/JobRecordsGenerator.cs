namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the brands, close reasons, job boards and job templates, after the core organisation, gives every job a
/// brand, every Closed opening a close reason and about half the open jobs a posted salary range. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
internal static class JobRecordsGenerator
{
    private const int SeedSalt = 0x0D44;
    private const long Day = 86_400_000;

    private static readonly (string Text, bool Archived)[] CloseReasonTexts =
    [
        ("Hired externally", false), ("Filled internally", false), ("Budget cut", false), ("Role no longer needed", false),
        ("Hiring freeze", false), ("Duplicate opening", true),
    ];

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = size;
        var rng = new DeterministicRandom(org.Seed ^ SeedSalt);
        org.Brands.Add(new Brand { Id = rng.NextGuid(), Name = "Northwind Labs", HostedJobsPageSlug = "northwind-labs" });
        org.Brands.Add(new Brand { Id = rng.NextGuid(), Name = "Northwind Health", HostedJobsPageSlug = "northwind-health" });
        foreach (var (text, archived) in CloseReasonTexts) org.CloseReasons.Add(new CloseReason { Id = rng.NextGuid(), Text = text, IsArchived = archived });
        org.JobBoards.Add(new JobBoard { Id = rng.NextGuid(), Title = "Northwind Labs Careers", IsInternal = false });
        org.JobBoards.Add(new JobBoard { Id = rng.NextGuid(), Title = "Internal Job Board", IsInternal = true });
        org.FormFieldIds = [rng.NextGuid(), rng.NextGuid(), rng.NextGuid()];

        // About one job in five is published under the second brand.
        foreach (var job in org.Jobs) job.Brand = rng.Chance(0.8) ? org.Brands[0] : org.Brands[1];

        // About half the open jobs post a salary range (in the office's currency), shown on their postings.
        foreach (var job in org.Jobs.Where(j => j.Status == JobStatus.Open))
        {
            if (!rng.Chance(0.5)) continue;
            var min = 80_000 + (rng.Next(40) * 2_500);
            var currency = job.Location.Address?.Country switch { "United Kingdom" => "GBP", "Germany" or "Ireland" or "Netherlands" => "EUR", "Canada" => "CAD", _ => "USD" };
            var tier = new CompensationTier { Id = rng.NextGuid() };
            tier.Components.Add(new CompensationComponent
            {
                Id = rng.NextGuid(), CompensationType = "Salary", Interval = "1 YEAR", CurrencyCode = currency, MinValue = min, MaxValue = min + 30_000 + (rng.Next(20) * 2_500),
            });
            job.CompensationTiers.Add(tier);
        }

        var active = org.CloseReasons.Where(r => !r.IsArchived).ToArray();
        foreach (var opening in org.Openings)
        {
            if (opening.State == 1) opening.CloseReason = rng.Pick(active);
        }

        // One template per team (at most eight), the last one inactive; each borrows the plan of a job of its team.
        var teams = org.Departments.Where(d => d.Parent is not null && !d.IsArchived).Take(8).ToArray();
        var offices = org.Locations.Where(l => !l.IsHierarchy && !l.IsArchived).ToArray();
        for (var i = 0; i < teams.Length; i++)
        {
            var team = teams[i];
            var created = org.BaseMs - (400 * Day) + rng.NextLong(300 * Day);
            org.JobTemplates.Add(new JobTemplate
            {
                Id = rng.NextGuid(), Title = team.Name + " role template", IsActive = i < teams.Length - 1, Department = team,
                Location = offices.Length > 0 ? rng.Pick(offices) : null, Plan = org.Jobs.Find(j => j.Department == team)?.Plan,
                CreatedMs = created, UpdatedMs = created + rng.NextLong(30 * Day),
            });
        }
    }
}
