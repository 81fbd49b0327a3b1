namespace Ashbridge.Emulator.Tests.Schema;

/// <summary>
/// The schema check's calls for one area of Ashby's reference (one implementation per area, in Schema/Samples).
/// Every documented endpoint needs at least one successful sample, or an entry in <see cref="NotAnswered"/> saying why
/// the emulator does not answer it. Samples run in the document's endpoint order against one shared organisation, so a
/// sample that writes uses objects no other sample relies on (for example ones it created in <see cref="CreateAsync"/>).
/// </summary>
public interface ISchemaSamples
{
    /// <summary>Endpoints of this area the emulator deliberately does not answer, with the reason.</summary>
    IReadOnlyDictionary<string, string> NotAnswered => new Dictionary<string, string>();

    /// <summary>The calls, built once against the shared emulator (read ids from it; create what writes need).</summary>
    Task<IReadOnlyList<SchemaSample>> CreateAsync(EmulatorFixture emulator);
}
