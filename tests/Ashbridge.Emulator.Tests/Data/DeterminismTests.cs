using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Tests.Data;

/// <summary>Same seed and size, same bytes; another seed, another organisation.</summary>
public class DeterminismTests
{
    private static readonly string[] Endpoints = ["candidate.list", "application.list", "job.list", "offer.list", "user.list", "opening.list", "jobPosting.list"];

    private sealed class SeededFixture(int seed) : EmulatorFixture
    {
        protected override int Seed => seed;
    }

    private static async Task<Dictionary<string, string>> Snapshot(int seed)
    {
        var fixture = new SeededFixture(seed);
        await fixture.InitializeAsync();
        try
        {
            var bytes = new Dictionary<string, string>();
            foreach (var endpoint in Endpoints)
            {
                var response = await fixture.CallAsync(endpoint, """{"limit":100}""");
                bytes[endpoint] = await response.Message.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }

            return bytes;
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_emulators_with_the_same_seed_answer_byte_identical_json()
    {
        var first = await Snapshot(42);
        var second = await Snapshot(42);
        foreach (var endpoint in Endpoints)
        {
            first[endpoint].Length.ShouldBeGreaterThan(100, endpoint);
            second[endpoint].ShouldBe(first[endpoint], endpoint);
        }
    }

    [Fact]
    public async Task A_different_seed_gives_a_different_organisation()
    {
        var first = await Snapshot(42);
        var other = await Snapshot(43);
        foreach (var endpoint in Endpoints) other[endpoint].ShouldNotBe(first[endpoint], endpoint);
    }

    [Theory]
    [InlineData("small", 200, 12, 25)]
    [InlineData("medium", 10_000, 200, 100)]
    [InlineData("large", 100_000, 2_000, 1_000)]
    [InlineData("250000", 250_000, 5_000, 2_500)]
    public void Sizes_scale_jobs_and_users_with_candidates(string size, int candidates, int jobs, int users) =>
        OrganizationSize.Parse(size).ShouldBe(new OrganizationSize(candidates, jobs, users));

    [Theory]
    [InlineData("huge")]
    [InlineData("0")]
    [InlineData("1000001")]
    public void Unknown_sizes_are_refused(string size) => Should.Throw<ArgumentException>(() => OrganizationSize.Parse(size));

    [Fact]
    public void A_medium_organisation_has_about_one_and_a_half_applications_per_candidate_and_consistent_offers()
    {
        var org = OrganizationGenerator.Generate(3, OrganizationSize.Parse("medium"));
        org.Candidates.Count.ShouldBe(10_000);
        org.Applications.Count.ShouldBeInRange(14_000, 16_000);
        org.Offers.Count.ShouldBeInRange(1_200, 3_000);
        org.Offers.Where(o => o.AcceptanceStatus == "Accepted").ShouldAllBe(o => o.Application.Status == ApplicationStatus.Hired);
        org.Applications.Where(a => a.Status == ApplicationStatus.Hired).ShouldAllBe(a => org.Offers.Any(o => o.Application == a));
        org.Applications.ShouldAllBe(a => a.Job.Status != JobStatus.Draft);
        org.Candidates.Select(c => c.CreatedMs).ShouldBeInOrder();
    }
}
