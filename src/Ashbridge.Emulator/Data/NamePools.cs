using Bogus;

namespace Ashbridge.Emulator.Data;

/// <summary>
/// Pools of realistic values drawn once from a seeded Bogus faker; the hot generation loop then picks from them,
/// which keeps a million candidates fast and makes repeated values (companies, cities) shared strings.
/// </summary>
internal sealed class NamePools
{
    public string[] FirstNames { get; }
    public string[] LastNames { get; }
    public string[] Companies { get; }
    public string[] Positions { get; }
    public string[] CompanyDomains { get; }

    public static readonly string[] Schools =
    [
        "University of Cambridge", "Stanford University", "MIT", "University of Toronto", "ETH Zürich", "University of Michigan",
        "Georgia Institute of Technology", "University of Edinburgh", "Technical University of Munich", "University of Melbourne",
        "National University of Singapore", "University of Texas at Austin", "Carnegie Mellon University", "Trinity College Dublin",
        "Sorbonne University", "University of Waterloo", "UC Berkeley", "Imperial College London", "University of Washington", "KTH Royal Institute of Technology",
    ];

    public static readonly string[] EmailDomains = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "hey.com"];

    public NamePools(int seed)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        FirstNames = Distinct(() => faker.Name.FirstName(), 600);
        LastNames = Distinct(() => faker.Name.LastName(), 600);
        Companies = Distinct(() => faker.Company.CompanyName(), 400);
        Positions = Distinct(() => faker.Name.JobTitle(), 300);
        CompanyDomains = Array.ConvertAll(Companies, DomainOf);
    }

    private static string[] Distinct(Func<string> draw, int count)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>(count);
        for (var attempts = 0; list.Count < count && attempts < count * 20; attempts++)
        {
            var value = draw();
            if (set.Add(value)) list.Add(value);
        }

        return [.. list];
    }

    private static string DomainOf(string company)
    {
        var letters = new string([.. company.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return (letters.Length > 20 ? letters[..20] : letters) + ".com";
    }
}
