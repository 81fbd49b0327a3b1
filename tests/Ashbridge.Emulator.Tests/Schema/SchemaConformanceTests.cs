using System.Reflection;
using Ashbridge.Emulator.Api;

namespace Ashbridge.Emulator.Tests.Schema;

/// <summary>The organisation the schema check calls, with every area's samples built once.</summary>
public sealed class SchemaCheckFixture : EmulatorFixture
{
    private Task<(Dictionary<string, List<SchemaSample>> Samples, Dictionary<string, string> NotAnswered)>? _built;

    public static IReadOnlyList<ISchemaSamples> Sources { get; } =
    [
        .. typeof(SchemaCheckFixture).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(ISchemaSamples)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ISchemaSamples)Activator.CreateInstance(t)!),
    ];

    public Task<(Dictionary<string, List<SchemaSample>> Samples, Dictionary<string, string> NotAnswered)> BuiltAsync() => _built ??= BuildAsync();

    private async Task<(Dictionary<string, List<SchemaSample>>, Dictionary<string, string>)> BuildAsync()
    {
        var samples = new Dictionary<string, List<SchemaSample>>(StringComparer.Ordinal);
        var notAnswered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            foreach (var sample in await source.CreateAsync(this))
            {
                if (!samples.TryGetValue(sample.Endpoint, out var list)) samples[sample.Endpoint] = list = [];
                list.Add(sample);
            }

            foreach (var (endpoint, why) in source.NotAnswered) notAnswered[endpoint] = why;
        }

        return (samples, notAnswered);
    }
}

/// <summary>
/// Every endpoint in Ashby's published OpenAPI document is answered (or listed as not answered, with why), and every
/// answer — successes and errors — matches the document's schema for that endpoint.
/// </summary>
public class SchemaConformanceTests(SchemaCheckFixture emulator) : IClassFixture<SchemaCheckFixture>
{
    public static TheoryData<string> DocumentedEndpoints => [.. AshbySchema.Endpoints];

    [Theory]
    [MemberData(nameof(DocumentedEndpoints))]
    public async Task Every_documented_endpoint_answers_as_the_document_says(string endpoint)
    {
        var (samples, notAnswered) = await emulator.BuiltAsync();
        if (notAnswered.TryGetValue(endpoint, out var why))
        {
            why.ShouldNotBeNullOrWhiteSpace();
            var absent = await emulator.CallAsync(endpoint);
            absent.Status.ShouldBe(404, $"/{endpoint} is listed as not answered ({why}) but the emulator answers it");
            absent.ShouldMatchTheSchema(endpoint);
            return;
        }

        samples.TryGetValue(endpoint, out var calls).ShouldBeTrue($"no schema sample calls /{endpoint}: add one to the ISchemaSamples of its area in tests/Ashbridge.Emulator.Tests/Schema/Samples");
        calls!.ShouldContain(s => s.ExpectSuccess, $"/{endpoint} needs at least one sample that succeeds");
        foreach (var sample in calls!)
        {
            var r = await emulator.CallAsync(sample.Endpoint, sample.Body);
            r.Success.ShouldBe(sample.ExpectSuccess, $"/{endpoint} with {sample.Body} answered {r.Body.ToJsonString()}");
            r.ShouldMatchTheSchema(endpoint);
        }
    }

    [Fact]
    public void Every_endpoint_the_emulator_answers_is_in_the_document()
    {
        var documented = AshbySchema.Endpoints.ToHashSet(StringComparer.Ordinal);

        // application.change_stage: the deprecated spelling third-party clients still send (see docs/concepts/emulator.md).
        AshbyApi.CreateTable().All.Select(e => e.Name).Where(n => !documented.Contains(n)).ShouldBe(["application.change_stage"]);
    }

    [Fact]
    public void Each_area_lists_a_reason_for_every_endpoint_it_leaves_out()
    {
        var answered = AshbyApi.CreateTable().All.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (endpoint, why) in SchemaCheckFixture.Sources.SelectMany(s => s.NotAnswered))
        {
            answered.ShouldNotContain(endpoint, $"{endpoint} is answered, yet listed as left out ({why})");
            AshbySchema.Endpoints.ShouldContain(endpoint);
        }
    }

    [Theory]
    [InlineData(null, "candidate.list", 401)]
    [InlineData("not-a-key", "candidate.list", 403)]
    [InlineData(EmulatorFixture.DeactivatedKey, "candidate.list", 403)]
    [InlineData(EmulatorFixture.CandidatesOnlyKey, "job.list", 403)]
    public async Task Authentication_and_permission_failures_use_the_documented_error_envelope(string? key, string endpoint, int status)
    {
        var r = await emulator.CallAsync(endpoint, "{}", key);
        r.Status.ShouldBe(status);
        r.ShouldMatchTheSchema(endpoint);
    }

    [Fact]
    public async Task An_unknown_endpoint_and_a_GET_use_the_documented_error_envelope()
    {
        var unknown = await emulator.CallAsync("candidate.teleport");
        unknown.Status.ShouldBe(404);
        AshbySchema.ErrorsAgainst(AshbySchema.ErrorPointer, unknown.Body).ShouldBeEmpty();
        var get = await emulator.SendAsync(HttpMethod.Get, "candidate.list", null, EmulatorFixture.Basic(EmulatorFixture.FullKey));
        get.Status.ShouldBe(405);
        get.ShouldMatchTheSchema("candidate.list");
    }

    [Fact]
    public void The_document_is_the_one_kept_as_test_data()
    {
        AshbySchema.Endpoints.Count.ShouldBe(160);
        AshbySchema.WebhookActions.Count.ShouldBe(22);
    }
}
