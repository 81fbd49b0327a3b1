namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the communication templates and source tracking links, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce. Both are organisation settings, so every size gets the same handful.
/// </summary>
internal static class OrganizationRecordsGenerator
{
    private const int SeedSalt = 0x0E55;
    private const long Day = 86_400_000;

    /// <summary>Where tracking links point: the organisation's job board.</summary>
    public const string JobBoardUrl = "https://jobs.ashbyhq.com/northwind-labs";

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = size;
        var rng = new DeterministicRandom(org.Seed ^ SeedSalt);
        foreach (var (title, types, enabled) in ReferenceData.CommunicationTemplates)
        {
            var created = org.BaseMs - (900 * Day) + rng.NextLong(600 * Day);
            org.CommunicationTemplates.Add(new CommunicationTemplate
            {
                Id = rng.NextGuid(), Title = title, IntendedTypes = types, IsEnabled = enabled, CreatedMs = created,
                UpdatedMs = Math.Min(org.BaseMs - 1, created + rng.NextLong(250 * Day)),
            });
        }

        foreach (var (code, sourceTitle) in ReferenceData.TrackingLinks)
        {
            var created = org.BaseMs - (700 * Day) + rng.NextLong(650 * Day);
            org.SourceTrackingLinks.Add(new SourceTrackingLink
            {
                Id = rng.NextGuid(), Code = code.TrimEnd('*'), Enabled = !code.EndsWith('*'), Source = org.Sources.First(s => s.Title == sourceTitle),
                CreatedMs = created, UpdatedMs = Math.Min(org.BaseMs - 1, created + rng.NextLong(100 * Day)),
            });
        }
    }
}
