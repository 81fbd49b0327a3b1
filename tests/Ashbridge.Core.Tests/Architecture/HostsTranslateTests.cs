using System.Text.RegularExpressions;

namespace Ashbridge.Core.Tests.Architecture;

/// <summary>
/// The server and the CLI only translate: the same job calls the same Core operation, so its rules and refusals are
/// written once, in Core. Checked on the source, as <see cref="DependencyRulesTests"/> does.
/// </summary>
public sealed partial class HostsTranslateTests
{
    private const string Operation = "src/Ashbridge.Core/Connections/ConnectionAdministration.cs";

    private static readonly string[] Hosts = ["src/Ashbridge.Server", "src/Ashbridge.Cli"];

    [Fact]
    public void The_CLI_and_the_server_add_connections_through_ConnectionAdministration()
    {
        foreach (var host in Hosts)
        {
            AddCalls().IsMatch(Source(host)).ShouldBeTrue($"{host} should add a connection with ConnectionAdministration.AddAsync, the one operation for it");
        }
    }

    [Fact]
    public void Neither_host_repeats_the_rules_or_the_refusals_of_adding_a_connection()
    {
        var operation = File.ReadAllText(Path.Combine(Root(), Operation));
        var refusals = RefusalTitle().Matches(operation).Select(m => m.Groups["title"].Value).ToList();
        refusals.ShouldNotBeEmpty($"{Operation} no longer words its refusals as this test reads them: update the test");
        string[] rules = ["ConnectionStore.ValidateName", "IsHttpUrl(", "MaxKeyLength"];

        foreach (var host in Hosts)
        {
            var source = Source(host);
            refusals.Concat(rules).Where(r => source.Contains(r, StringComparison.Ordinal)).ShouldBeEmpty(
                $"{host} repeats what {Operation} decides; call the operation and map its ConnectionRefusalKind instead");
        }
    }

    [Fact]
    public void The_scan_sees_an_add_call_and_a_refusal()
    {
        AddCalls().IsMatch("var added = await hub.Get<ConnectionAdministration>().AddAsync(name, url, key, ct);").ShouldBeTrue();
        AddCalls().IsMatch("AddConnectionRequest request, ConnectionAdministration admin, CancellationToken ct)\n{ var added = await admin.AddAsync(n, u, k, ct); }").ShouldBeTrue();
        AddCalls().IsMatch("await store.AddAsync(name, url, key, ct);").ShouldBeFalse();
        RefusalTitle().Match("ConnectionOutcome.Refused(ConnectionRefusalKind.Invalid, \"The name is not usable\", ex.Message)").Groups["title"].Value.ShouldBe("The name is not usable");
        RefusalTitle().Match("new ConnectionRefusal(ConnectionRefusalKind.KeyRefused, \"Ashby refused the API key\",").Groups["title"].Value.ShouldBe("Ashby refused the API key");
    }

    private static string Source(string project) =>
        string.Join('\n', DependencyRulesTests.SourceFiles(Path.Combine(Root(), project), "*.cs", "*.cshtml").Select(File.ReadAllText));

    private static string Root() => DependencyRulesTests.RepositoryRoot;

    /// <summary>A call of AddAsync on ConnectionAdministration: resolved from the services, or a parameter of that type.</summary>
    [GeneratedRegex(@"Get<ConnectionAdministration>\(\)\.AddAsync\(|ConnectionAdministration\s+(?<name>\w+)[\s\S]*?\b\k<name>\.AddAsync\(")]
    private static partial Regex AddCalls();

    /// <summary>The title of a refusal the operation words.</summary>
    [GeneratedRegex(@"(?:Refused\(|new ConnectionRefusal\()ConnectionRefusalKind\.\w+,\s*""(?<title>[^""]+)""")]
    private static partial Regex RefusalTitle();
}
