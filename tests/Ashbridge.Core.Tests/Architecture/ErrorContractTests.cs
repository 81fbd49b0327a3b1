using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ashbridge.Core.Tests.Architecture;

/// <summary>
/// The Ashby client lets out only <c>AshbyApiException</c> and its subclasses; Core and the server read them through
/// <c>AshbyFailure</c>. A catch of the transport's own exceptions there would be dead code that hides a leak, as the
/// sync's was (it caught HttpRequestException, which never came, and so never stopped a run).
/// </summary>
public sealed partial class ErrorContractTests
{
    /// <summary>The one file allowed: it posts to the customer's own endpoint with a plain HttpClient, not to Ashby.</summary>
    private const string OutboundDispatcher = "src/Ashbridge.Core/Outbound/OutboundDispatcher.cs";

    [Fact]
    public void Core_and_the_server_catch_no_transport_exception_of_ashby_calls()
    {
        var offenders = new List<string>();
        foreach (var project in new[] { "src/Ashbridge.Core", "src/Ashbridge.Server" })
        {
            var folder = Path.Combine(RepoRoot(), project);
            Directory.Exists(folder).ShouldBeTrue($"{folder} is missing: the test looks for the sources from its own file's place in the repository.");
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepoRoot(), file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
                offenders.AddRange(Offences(File.ReadAllText(file)).Select(line => $"{relative}:{line}"));
            }
        }

        offenders.Where(o => !o.StartsWith(OutboundDispatcher + ":", StringComparison.Ordinal)).ShouldBeEmpty(
            "Catch AshbyApiException and read it with AshbyFailure.Classify instead: the client wraps HttpRequestException, "
            + "IOException and Polly's TimeoutRejectedException in AshbyUnreachableException or AshbyTimeoutException.");
        offenders.ShouldContain(o => o.StartsWith(OutboundDispatcher + ":", StringComparison.Ordinal),
            $"{OutboundDispatcher} no longer catches HttpRequestException: remove its exception from this test.");
    }

    [Fact]
    public void The_scan_finds_a_catch_by_type_and_by_filter_over_several_lines()
    {
        Offences("try { } catch (HttpRequestException) { }").ShouldBe([1]);
        Offences("try { }\ncatch (Exception ex)\n    when (ex is AshbyApiException\n        or Polly.Timeout.TimeoutRejectedException)\n{ }").ShouldBe([2]);
        Offences("catch (BadHttpRequestException ex) when (ex.StatusCode == 413) { }").ShouldBeEmpty();
        Offences("catch (AshbyApiException ex) { var http = ex.InnerException is HttpRequestException; }").ShouldBeEmpty();
    }

    /// <summary>The lines of the catch clauses (type and filter, up to their block) that name a transport exception.</summary>
    private static IEnumerable<int> Offences(string source)
    {
        foreach (Match clause in CatchClause().Matches(source))
        {
            if (TransportException().IsMatch(clause.Value)) yield return source.AsSpan(0, clause.Index).Count('\n') + 1;
        }
    }

    private static string RepoRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    [GeneratedRegex(@"\bcatch\s*\([^{]*", RegexOptions.CultureInvariant)]
    private static partial Regex CatchClause();

    [GeneratedRegex(@"\b(HttpRequestException|TimeoutRejectedException|SocketException)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TransportException();
}
