using System.Reflection;
using System.Text.RegularExpressions;
using Ashbridge.Ashby;
using Ashbridge.Emulator;

namespace Ashbridge.Core.Tests.Architecture;

/// <summary>
/// What may depend on what (docs/architecture.md), checked on the built assemblies, the project files and the source,
/// so a shortcut across a boundary fails here instead of waiting for a review.
/// </summary>
public sealed partial class DependencyRulesTests
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository's root, for the other source rules.</summary>
    internal static string RepositoryRoot => Root.Value;

    [Fact]
    public void The_emulator_depends_on_no_Ashbridge_project() =>
        AshbridgeDependencies(typeof(EmulatorHost).Assembly, "Ashbridge.Emulator").ShouldBeEmpty(
            "the emulator and the client agree through Ashby's JSON, not through shared code");

    [Fact]
    public void The_Ashby_client_depends_on_no_Ashbridge_project() =>
        AshbridgeDependencies(typeof(AshbyClient).Assembly, "Ashbridge.Ashby").ShouldBeEmpty(
            "the client is a library anyone could use on its own");

    [Fact]
    public void The_server_runs_no_SQL_of_its_own()
    {
        // No folder of the server may: its hosting setup registers the database through Core (AddAshbridgeMirror) and
        // calls Core for health and checkpoints. Naming DbException to answer an outage (503) is translation, allowed.
        var server = Path.Combine(Root.Value, "src", "Ashbridge.Server");
        var offences = SourceFiles(server, "*.cs", "*.cshtml")
            .Select(f => (File: f, Relative: Path.GetRelativePath(Root.Value, f).Replace('\\', '/')))
            .SelectMany(f => DatabaseAccess(File.ReadAllText(f.File)).Select(hit => $"{f.Relative}: {hit}"))
            .ToList();

        offences.ShouldBeEmpty("the server translates HTTP to Core calls; a query belongs in a Core operation (see Core/Mirror/MirrorReader.cs, Core/Storage/DatabaseHealth.cs)");
    }

    [Fact]
    public void The_server_project_references_no_database_driver_or_Dapper()
    {
        var project = File.ReadAllText(Path.Combine(Root.Value, "src", "Ashbridge.Server", "Ashbridge.Server.csproj"));
        DatabasePackage().Matches(project).Select(m => m.Value).ShouldBeEmpty("the server reaches the database only through Core");
    }

    [Fact]
    public void No_TimeProvider_parameter_falls_back_to_the_system_clock()
    {
        var offences = SourceFiles(Path.Combine(Root.Value, "src"), "*.cs")
            .SelectMany(f => OptionalClocks(File.ReadAllText(f)).Select(hit => $"{Path.GetRelativePath(Root.Value, f)}: {hit}"))
            .ToList();

        offences.ShouldBeEmpty("a TimeProvider is a required dependency; the composition root registers TimeProvider.System once");
    }

    [Fact]
    public void The_source_rules_see_what_they_forbid()
    {
        DatabaseAccess("using Dapper;\nclass A { }").ShouldNotBeEmpty();
        DatabaseAccess("await using var c = new Npgsql.NpgsqlConnection(s);").ShouldNotBeEmpty();
        DatabaseAccess("@using Microsoft.Data.Sqlite").ShouldNotBeEmpty();
        DatabaseAccess("var c = new SqliteConnection(s);").ShouldNotBeEmpty();
        DatabaseAccess("await using var db = await database.ConnectAsync(ct);").ShouldNotBeEmpty();
        DatabaseAccess("await connection.QueryAsync<Row>(sql);").ShouldNotBeEmpty();
        DatabaseAccess("command.ExecuteNonQueryAsync(ct)").ShouldNotBeEmpty();
        DatabaseAccess("DbConnection? connection = null;").ShouldNotBeEmpty();
        DatabaseAccess("catch (SqliteException ex)").ShouldNotBeEmpty();
        DatabaseAccess("var reader = mirror.GetAsync(id);").ShouldBeEmpty();
        DatabaseAccess("protected override async Task ExecuteAsync(CancellationToken stoppingToken)").ShouldBeEmpty();
        DatabaseAccess("catch (System.Data.Common.DbException ex)").ShouldBeEmpty();
        DatabasePackage().IsMatch("<PackageReference Include=\"Npgsql\" />").ShouldBeTrue();
        DatabasePackage().IsMatch("<PackageReference Include=\"Microsoft.AspNetCore.OpenApi\" />").ShouldBeFalse();

        OptionalClocks("public sealed class A(TimeProvider? timeProvider = null)").ShouldNotBeEmpty();
        OptionalClocks("void M(int a, TimeProvider?  clock=default)").ShouldNotBeEmpty();
        OptionalClocks("public sealed class A(TimeProvider timeProvider)").ShouldBeEmpty();
    }

    /// <summary>Ashbridge projects <paramref name="assembly"/> references, in its metadata or as a project reference in its project file.</summary>
    private static List<string> AshbridgeDependencies(Assembly assembly, string project)
    {
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Ashbridge", StringComparison.Ordinal));
        var projectFile = File.ReadAllText(Path.Combine(Root.Value, "src", project, project + ".csproj"));
        var projectReferences = ProjectReference().Matches(projectFile).Select(m => m.Groups["name"].Value);
        return [.. referenced.Concat(projectReferences).Distinct()];
    }

    private static IEnumerable<string> DatabaseAccess(string source) => DatabaseUse().Matches(source).Select(m => m.Value);

    private static IEnumerable<string> OptionalClocks(string source) => OptionalClock().Matches(source).Select(m => m.Value);

    internal static IEnumerable<string> SourceFiles(string folder, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(folder, p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The repository's root: the folder above the test's output that holds the solution.</summary>
    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ashbridge.slnx"))) return folder.FullName;
        }

        throw new InvalidOperationException($"No Ashbridge.slnx above {AppContext.BaseDirectory}: these tests read the source and must run from a build of the repository.");
    }

    /// <summary>A driver, Dapper, an ADO.NET connection or command, a query, or opening the hub's database.</summary>
    [GeneratedRegex(@"\bDapper\b|\bNpgsql\w*|Microsoft\.Data\.Sqlite|\bSqlite(Connection|Command|Exception)\b|\bDb(Connection|Command|Transaction|DataReader)\b|\.CreateCommand\(|\.(Query\w*|Execute\w*)Async\b|\.Connect(WithoutCheckpoints)?Async\(")]
    private static partial Regex DatabaseUse();

    [GeneratedRegex(@"<PackageReference\s+Include=""(Dapper|Npgsql[\w.]*|Microsoft\.Data\.Sqlite[\w.]*|SQLitePCLRaw[\w.]*)""")]
    private static partial Regex DatabasePackage();

    [GeneratedRegex(@"TimeProvider\?\s+\w+\s*=\s*(null|default)\b")]
    private static partial Regex OptionalClock();

    [GeneratedRegex(@"<ProjectReference\s+Include=""[^""]*?(?<name>Ashbridge\.[\w.]+)\.csproj""")]
    private static partial Regex ProjectReference();
}
