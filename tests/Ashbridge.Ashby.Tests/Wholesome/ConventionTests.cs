using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ashbridge.Ashby.Webhooks;

namespace Ashbridge.Ashby.Tests.Wholesome;

/// <summary>Scans the client assembly for the conventions the style guide asks of wire models and endpoints.</summary>
public class ConventionTests
{
    private static readonly Assembly Client = typeof(AshbyClient).Assembly;

    /// <summary>Wire models: public classes with at least one [JsonPropertyName] property.</summary>
    private static IEnumerable<Type> ModelTypes() => Client.GetExportedTypes()
        .Where(t => t.IsClass && !t.IsAbstract)
        .Where(t => t.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null));

    public static TheoryData<string> Models => [.. ModelTypes().Select(t => t.Name)];

    [Fact]
    public void There_are_models_to_check()
    {
        ModelTypes().Count().ShouldBeGreaterThan(70);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_public_model_property_has_an_explicit_camelCase_JSON_name(string model)
    {
        var type = ModelTypes().Single(t => t.Name == model);
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            name.ShouldNotBeNull($"{type.Name}.{property.Name} has no [JsonPropertyName]");
            char.IsLower(name[0]).ShouldBeTrue($"{type.Name}.{property.Name} is not camelCase on the wire");
            string.Equals(name, property.Name, StringComparison.OrdinalIgnoreCase).ShouldBeTrue($"{type.Name}.{property.Name} is named {name} on the wire");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_model_is_sealed_keeps_unknown_fields_and_is_registered_in_the_context(string model)
    {
        var type = ModelTypes().Single(t => t.Name == model);

        type.IsSealed.ShouldBeTrue($"{type.Name} is not sealed");
        var extension = type.GetProperties().SingleOrDefault(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null);
        extension.ShouldNotBeNull($"{type.Name} has no [JsonExtensionData]");
        extension.PropertyType.ShouldBe(typeof(IDictionary<string, JsonElement>));
        AshbyJsonContext.Default.GetTypeInfo(type).ShouldNotBeNull($"{type.Name} is not in AshbyJsonContext");
    }

    /// <summary>Every endpoint the client promises, and where its method lives.</summary>
    public static TheoryData<string> Endpoints => [.. typeof(AshbyEndpoints).GetFields().Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Every_endpoint_has_a_virtual_method_on_a_sub_client(string endpoint)
    {
        var subClients = typeof(AshbyClient).GetProperties().Where(p => p.PropertyType.IsSubclassOf(typeof(AshbyServiceClient))).ToList();
        subClients.ShouldAllBe(p => p.GetMethod!.IsVirtual);

        var methods = subClients.SelectMany(p => p.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<AshbyEndpointAttribute>()?.Endpoint == endpoint)).ToList();
        var lists = subClients.Select(p => p.PropertyType)
            .Where(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AshbyListClient<,>))
            .Where(t => endpoint == (string?)t.GetProperty(nameof(AshbyListClient<CandidateListRequest, Candidate>.ListEndpoint))!.GetValue(CreateUninitialized(t)))
            .ToList();

        (methods.Count + lists.Count).ShouldBe(1, $"{endpoint} should have exactly one method");
        methods.ShouldAllBe(m => m.IsVirtual && m.Name.EndsWith("Async", StringComparison.Ordinal));
        methods.ShouldAllBe(m => m.GetParameters().Last().ParameterType == typeof(CancellationToken));
    }

    [Fact]
    public void The_sub_clients_the_style_guide_names_exist()
    {
        var names = typeof(AshbyClient).GetProperties().Select(p => p.Name).ToList();
        string[] expected = ["Candidates", "Applications", "Jobs", "JobPostings", "Openings", "Departments", "Locations", "Offers", "CustomFields",
            "Users", "Sources", "ArchiveReasons", "InterviewStages", "HiringTeamRoles", "HiringTeam", "Webhooks", "ApiKey"];
        expected.ShouldBeSubsetOf(names);
    }

    [Fact]
    public void Paginated_list_methods_take_the_cancellation_token_with_EnumeratorCancellation()
    {
        foreach (var name in new[] { "EnumeratePagesAsync", "EnumerateRawPagesAsync", "EnumerateAsync" })
        {
            var method = typeof(AshbyListClient<,>).GetMethod(name)!;
            method.GetParameters().Last().GetCustomAttribute<System.Runtime.CompilerServices.EnumeratorCancellationAttribute>().ShouldNotBeNull(name);
        }
    }

    [Fact]
    public void Helpers_stay_internal()
    {
        typeof(AshbyJsonContext).IsPublic.ShouldBeFalse();
        Client.GetType("Ashbridge.Ashby.AshbyTransport")!.IsPublic.ShouldBeFalse();
        Client.GetExportedTypes().Where(t => t.Namespace is not ("Ashbridge.Ashby" or "Ashbridge.Ashby.Webhooks" or "Microsoft.Extensions.DependencyInjection"))
            .ShouldBeEmpty();
        typeof(AshbyWebhookSignature).IsPublic.ShouldBeTrue();
    }

    private static object CreateUninitialized(Type t) => System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t);
}
