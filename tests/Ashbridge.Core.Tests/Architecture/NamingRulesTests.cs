using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ashbridge.Core.Tests.Architecture;

/// <summary>
/// Names a newcomer can predict (issue 22): a type is found in the file named after it, and "connection" always means an
/// Ashby connection, never the database's. Read with Roslyn's parser, so nested types, records, enums, delegates and
/// file-scoped namespaces are seen for what they are.
/// </summary>
public sealed class NamingRulesTests
{
    /// <summary>The projects held to one type per file; the client follows it already, Core is brought to it.</summary>
    private static readonly string[] OneTypePerFileProjects = ["Ashbridge.Ashby", "Ashbridge.Core"];

    /// <summary>ADO.NET connection types: a parameter or local of one of these is the database, called <c>db</c>.</summary>
    private static readonly HashSet<string> DatabaseConnectionTypes = ["DbConnection", "IDbConnection", "SqliteConnection", "NpgsqlConnection"];

    private const string DatabaseName = "db";

    [Fact]
    public void Each_top_level_type_has_its_own_file_named_after_it()
    {
        var offences = OneTypePerFileProjects
            .SelectMany(p => DependencyRulesTests.SourceFiles(Path.Combine(DependencyRulesTests.RepositoryRoot, "src", p), "*.cs"))
            .SelectMany(f => FileLayout(Relative(f), File.ReadAllText(f)))
            .ToList();

        offences.ShouldBeEmpty("one top-level type per file, the file named after it (Type.cs, or Type.Part.cs for a partial or generic type), as in the client");
    }

    [Fact]
    public void A_database_connection_is_called_db()
    {
        var offences = DependencyRulesTests.SourceFiles(Path.Combine(DependencyRulesTests.RepositoryRoot, "src"), "*.cs")
            .SelectMany(f => DatabaseConnectionNames(File.ReadAllText(f)).Select(hit => $"{Relative(f)}:{hit}"))
            .ToList();

        offences.ShouldBeEmpty("\"connection\" means an Ashby connection (type Connection); a database connection is called db");
    }

    [Fact]
    public void The_naming_rules_see_what_they_forbid()
    {
        const string core = "src/Ashbridge.Core/Mirror/";
        FileLayout(core + "Reader.cs", "namespace A;\npublic sealed class Reader { private sealed record Row(int Id); public enum Kind { One } }").ShouldBeEmpty();
        FileLayout(core + "Reader.cs", "namespace A;\npublic sealed class Reader { }\npublic sealed record Row(int Id);").ShouldNotBeEmpty();
        FileLayout(core + "Reader.cs", "namespace A;\npublic sealed class Reader { }\npublic enum Kind { One }").ShouldNotBeEmpty();
        FileLayout(core + "Reader.cs", "namespace A;\npublic delegate void Handler();\npublic sealed class Reader { }").ShouldNotBeEmpty();
        FileLayout(core + "Reader.cs", "namespace A { namespace B { public sealed class Reader { } } }").ShouldBeEmpty();
        FileLayout(core + "Reader.cs", "namespace A { public interface IReader { } }").ShouldNotBeEmpty();
        FileLayout(core + "IReader.cs", "namespace A { public interface IReader { } }").ShouldBeEmpty();
        FileLayout(core + "Row.cs", "namespace A;\npublic readonly record struct Row(long Id);").ShouldBeEmpty();
        FileLayout(core + "Page.cs", "namespace A;\npublic sealed class Page<T> { }").ShouldBeEmpty();
        FileLayout(core + "Page.Items.cs", "namespace A;\npublic sealed class Page<T> { }").ShouldBeEmpty();
        FileLayout(core + "Client.Http.cs", "namespace A;\npublic sealed partial class Client { }").ShouldBeEmpty();
        FileLayout(core + "Client.Http.cs", "namespace A;\npublic sealed class Client { }").ShouldNotBeEmpty();
        FileLayout(core + "Clients.cs", "namespace A;\npublic sealed partial class Client { }").ShouldNotBeEmpty();
        FileLayout(core + "Reader.cs", "namespace A;\npublic sealed class Reader { }\nfile sealed class Helper { }").ShouldBeEmpty();
        FileLayout(core + "Reader.cs", "namespace A;\npublic sealed class Reader {").ShouldNotBeEmpty();

        const string migrations = "src/Ashbridge.Core/Storage/Migrations/";
        FileLayout(migrations + "0001_CreateThings.cs", "namespace A;\n[Migration(1)]\npublic sealed class CreateThings : Migration { }").ShouldBeEmpty();
        FileLayout(migrations + "0001_CreateThings.cs", "namespace A;\npublic sealed class CreateThings : Migration { }\npublic sealed class Other { }").ShouldNotBeEmpty();

        DatabaseConnectionNames("class A { void M(DbConnection connection) { } }").ShouldNotBeEmpty();
        DatabaseConnectionNames("class A { void M(System.Data.Common.DbConnection? writer) { } }").ShouldNotBeEmpty();
        DatabaseConnectionNames("class A(SqliteConnection connection) { }").ShouldNotBeEmpty();
        DatabaseConnectionNames("class A { void M(IDbConnection connection, IDbTransaction transaction) { } }").ShouldNotBeEmpty();
        DatabaseConnectionNames("class A { async Task M() { await using var connection = await database.ConnectAsync(ct).ConfigureAwait(false); } }").ShouldNotBeEmpty();
        DatabaseConnectionNames("class A { async Task M() { var writer = await _database.ConnectForBulkWritesAsync(ct); } }").ShouldNotBeEmpty();
        DatabaseConnectionNames("class A { void M() { SqliteConnection? connection = null; } }").ShouldNotBeEmpty();
        DatabaseConnectionNames("class A { void M() { using var c = new Npgsql.NpgsqlConnection(s); } }").ShouldNotBeEmpty();
        DatabaseConnectionNames("class A { void M(DbConnection db, DbTransaction transaction) { } }").ShouldBeEmpty();
        DatabaseConnectionNames("class A { async Task M() { await using var db = await database.ConnectAsync(ct).ConfigureAwait(false); } }").ShouldBeEmpty();
        DatabaseConnectionNames("class A { void M() { using var db = new NpgsqlConnection(s); } }").ShouldBeEmpty();
        DatabaseConnectionNames("class A { async Task M(Connection connection) { var c = await connections.GetAsync(id, ct); } }").ShouldBeEmpty();
        DatabaseConnectionNames("class A { private DbConnection? _session; }").ShouldBeEmpty();
    }

    /// <summary>What is wrong with the types <paramref name="source"/> declares at the top level, for a file at <paramref name="path"/>.</summary>
    private static IEnumerable<string> FileLayout(string path, string source)
    {
        var tree = Parse(source);
        var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            yield return $"{path}: could not be read ({errors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture)}); the rule cannot judge it";
            yield break;
        }

        var types = TopLevelTypes(tree.GetRoot()).ToList();
        if (types.Count > 1)
        {
            yield return $"{path}: holds {types.Count} top-level types ({string.Join(", ", types.Select(Display))}); give each its own file";
            yield break;
        }

        // A migration's file carries its version before the class name (0001_CreateConnections.cs); holding one class is enough.
        if (types.Count == 0 || path.Contains("/Storage/Migrations/", StringComparison.Ordinal)) yield break;

        var type = types[0];
        var file = Path.GetFileNameWithoutExtension(path);
        var name = Name(type);
        var spread = type.Modifiers.Any(SyntaxKind.PartialKeyword) || Arity(type) > 0;
        if (file != name && !(spread && file.StartsWith(name + ".", StringComparison.Ordinal)))
        {
            yield return $"{path}: holds {Display(type)}; name the file {name}.cs";
        }
    }

    /// <summary>Parameters and locals that hold a database connection under another name than <c>db</c>, each with its line.</summary>
    private static IEnumerable<string> DatabaseConnectionNames(string source)
    {
        var tree = Parse(source);
        var root = tree.GetRoot();
        string At(SyntaxNode node) => (tree.GetLineSpan(node.Span).StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var parameter in root.DescendantNodes().OfType<ParameterSyntax>())
        {
            if (parameter.Type is { } type && IsDatabaseConnection(type) && parameter.Identifier.Text != DatabaseName)
            {
                yield return $"{At(parameter)}: parameter {parameter.Type} {parameter.Identifier.Text}";
            }
        }

        // Locals only: a field names the role it plays for its class (a lock's session, a checkpointer's writer).
        foreach (var declaration in root.DescendantNodes().OfType<VariableDeclarationSyntax>().Where(d => d.Parent is not BaseFieldDeclarationSyntax))
        {
            foreach (var variable in declaration.Variables)
            {
                var database = IsDatabaseConnection(declaration.Type)
                    || (declaration.Type.IsVar && variable.Initializer?.Value is { } value && OpensDatabase(value));
                if (database && variable.Identifier.Text != DatabaseName)
                {
                    yield return $"{At(variable)}: local {declaration.Type} {variable.Identifier.Text}";
                }
            }
        }
    }

    /// <summary>Types declared in the compilation unit or a namespace, not inside another type; <c>file</c> types are private to their file, as nested ones are.</summary>
    private static IEnumerable<MemberDeclarationSyntax> TopLevelTypes(SyntaxNode root) =>
        root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<MemberDeclarationSyntax>()
            .Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            .Where(m => !m.Modifiers.Any(SyntaxKind.FileKeyword));

    private static string Name(MemberDeclarationSyntax type) => type switch
    {
        BaseTypeDeclarationSyntax t => t.Identifier.Text,
        DelegateDeclarationSyntax d => d.Identifier.Text,
        _ => throw new ArgumentException($"not a type: {type.Kind()}", nameof(type)),
    };

    private static int Arity(MemberDeclarationSyntax type) => type switch
    {
        TypeDeclarationSyntax t => t.TypeParameterList?.Parameters.Count ?? 0,
        DelegateDeclarationSyntax d => d.TypeParameterList?.Parameters.Count ?? 0,
        _ => 0,
    };

    private static string Display(MemberDeclarationSyntax type) => Arity(type) == 0 ? Name(type) : $"{Name(type)}<{new string(',', Arity(type) - 1)}>";

    private static bool IsDatabaseConnection(TypeSyntax type) => type switch
    {
        NullableTypeSyntax n => IsDatabaseConnection(n.ElementType),
        QualifiedNameSyntax q => IsDatabaseConnection(q.Right),
        AliasQualifiedNameSyntax a => IsDatabaseConnection(a.Name),
        IdentifierNameSyntax i => DatabaseConnectionTypes.Contains(i.Identifier.Text),
        _ => false,
    };

    /// <summary>Whether <paramref name="value"/> opens the hub's database (<c>database.Connect…Async(…)</c>) or creates a driver connection.</summary>
    private static bool OpensDatabase(ExpressionSyntax value) => value switch
    {
        AwaitExpressionSyntax a => OpensDatabase(a.Expression),
        ParenthesizedExpressionSyntax p => OpensDatabase(p.Expression),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "ConfigureAwait" } m } => OpensDatabase(m.Expression),
        InvocationExpressionSyntax i => MethodName(i.Expression) is { } name && name.StartsWith("Connect", StringComparison.Ordinal) && name.EndsWith("Async", StringComparison.Ordinal),
        ObjectCreationExpressionSyntax o => IsDatabaseConnection(o.Type),
        _ => false,
    };

    private static string? MethodName(ExpressionSyntax callee) => callee switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
        SimpleNameSyntax s => s.Identifier.Text,
        _ => null,
    };

    private static SyntaxTree Parse(string source) =>
        CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview));

    private static string Relative(string file) => Path.GetRelativePath(DependencyRulesTests.RepositoryRoot, file).Replace('\\', '/');
}
