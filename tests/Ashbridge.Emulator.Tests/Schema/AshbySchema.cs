using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Ashbridge.Emulator.Tests.Schema;

/// <summary>
/// Ashby's published OpenAPI document (<c>ashby-openapi.json</c>, source and date in README.md beside it) used as JSON
/// Schemas: an endpoint's answer is checked against its documented 200 response (success or error), an error answered on
/// another status against the documented error envelope, and a webhook payload against its documented request body.
/// </summary>
public static class AshbySchema
{
    private static readonly Uri DocumentUri = new("https://api.ashbyhq.com/openapi.json");
    private static readonly Lazy<Loaded> Document = new(Load);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    /// <summary>The error envelope every failure uses (Ashby documents it once, on report.generate's 429).</summary>
    public const string ErrorPointer = "/paths/~1report.generate/post/responses/429/content/application~1json/schema";

    /// <summary>Every documented endpoint name (<c>candidate.list</c>), in the document's order.</summary>
    public static IReadOnlyList<string> Endpoints => Document.Value.Endpoints;

    /// <summary>Every documented webhook action (<c>applicationSubmit</c>).</summary>
    public static IReadOnlyList<string> WebhookActions => Document.Value.Webhooks;

    /// <summary>What in an answer does not match the document (empty when it matches).</summary>
    public static IReadOnlyList<string> ResponseErrors(string endpoint, int status, JsonNode body)
    {
        if (!Endpoints.Contains(endpoint)) return [$"/{endpoint} is not in Ashby's OpenAPI document"];
        var pointer = status == 200
            ? $"/paths/~1{endpoint}/post/responses/200/content/application~1json/schema"
            : ErrorPointer;
        return Errors(pointer, body);
    }

    /// <summary>What in a webhook payload does not match its documented request body (empty when it matches).</summary>
    public static IReadOnlyList<string> WebhookErrors(JsonNode payload)
    {
        var action = payload["action"]?.GetValue<string>() ?? "";
        if (!WebhookActions.Contains(action)) return [$"webhook action '{action}' is not in Ashby's OpenAPI document"];
        return Errors($"/webhooks/{action}/post/requestBody/content/application~1json/schema", payload);
    }

    /// <summary>Fails with every mismatch when an answer does not match the document.</summary>
    public static void ShouldMatchTheSchema(this AshbyResponse response, string endpoint)
    {
        var errors = ResponseErrors(endpoint, response.Status, response.Body);
        errors.ShouldBeEmpty($"/{endpoint} answered {Shorten(response.Body.ToJsonString())}");
    }

    /// <summary>Fails with every mismatch when a webhook payload does not match the document.</summary>
    public static void ShouldMatchTheWebhookSchema(JsonNode payload) =>
        WebhookErrors(payload).ShouldBeEmpty($"webhook {Shorten(payload.ToJsonString())}");

    /// <summary>What in a JSON value does not match the schema at a pointer into the document.</summary>
    public static IReadOnlyList<string> ErrorsAgainst(string location, JsonNode instance) => Errors(location, instance);

    private static IReadOnlyList<string> Errors(string pointer, JsonNode instance)
    {
        var schema = Schemas.GetOrAdd(pointer, p => JsonSchema.FromText($$"""{"$ref":"{{DocumentUri}}#{{p}}"}""", Document.Value.Options));
        var element = JsonSerializer.SerializeToElement(instance);
        var result = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return [.. Flatten(result).Distinct().GroupBy(e => e.Location).SelectMany(g => g.Take(3)).Select(e => e.Text).Take(40)];
    }

    private static IEnumerable<(string Location, string Text)> Flatten(EvaluationResults result)
    {
        if (result.Errors is { } errors)
        {
            var location = result.InstanceLocation.ToString();
            foreach (var (keyword, message) in errors) yield return (location, $"{location} ({keyword} at {result.EvaluationPath}): {message}");
        }

        foreach (var detail in result.Details ?? [])
        {
            foreach (var line in Flatten(detail)) yield return line;
        }
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    /// <summary>
    /// Where the document contradicts itself or Ashby's prose, the prose wins (listed in docs/concepts/emulator.md):
    /// a custom field's <c>value</c> and <c>valueLabel</c> are <c>oneOf</c> several types of which four are plain strings,
    /// so no string value could ever match exactly one — read as <c>anyOf</c>; an event interviewer's <c>trainingRole</c>
    /// is documented as null for a qualified interviewer, but its enum leaves null out; a posting's <c>publishedDate</c> is
    /// null while unpublished (changelog), but typed string.
    /// </summary>
    private static void ApplyExceptions(JsonNode document)
    {
        var customField = document["paths"]!["/customField.setValue"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["oneOf"]![0]!["allOf"]![1]!["properties"]!["results"]!["properties"]!;
        foreach (var name in new[] { "value", "valueLabel" })
        {
            var field = customField[name]!.AsObject();
            var choices = field["oneOf"]!;
            field.Remove("oneOf");
            field["anyOf"] = choices;
        }

        var trainingRole = document["paths"]!["/interviewEvent.list"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["oneOf"]![0]!["allOf"]![1]!["properties"]!["results"]!["items"]!["properties"]!["interviewers"]!["items"]!["allOf"]![1]!["properties"]!["trainingRole"]!;
        trainingRole["enum"]!.AsArray().Add(null);

        // Ashby's changelog (2026-05-26): an unpublished posting answers publishedDate: null; the document types it string.
        foreach (var publishedDate in FindProperties(document, "publishedDate"))
        {
            if (publishedDate is JsonObject { } schema && schema["type"]?.GetValueKind() == JsonValueKind.String && schema["type"]!.GetValue<string>() == "string")
                schema["type"] = new JsonArray("string", "null");
        }
    }

    private static List<JsonNode?> FindProperties(JsonNode? node, string name)
    {
        var found = new List<JsonNode?>();
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                if (key == "properties" && value is JsonObject properties && properties[name] is { } property) found.Add(property);
                found.AddRange(FindProperties(value, name));
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a) found.AddRange(FindProperties(item, name));
        }

        return found;
    }

    private static Loaded Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Schema", "ashby-openapi.json");
        var node = JsonNode.Parse(File.ReadAllBytes(path))!;
        ApplyExceptions(node);
        var document = JsonDocument.Parse(node.ToJsonString());
        // OpenAPI 3.1 schemas are JSON Schema 2020-12, whose dialect allows OpenAPI's own keywords (example, discriminator).
        var options = new BuildOptions { Dialect = Dialect.Draft202012 };
        options.SchemaRegistry.Register(DocumentUri, new JsonElementBaseDocument(document.RootElement, DocumentUri));
        var endpoints = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimStart('/')).ToArray();
        var webhooks = document.RootElement.GetProperty("webhooks").EnumerateObject().Select(p => p.Name).ToArray();
        return new Loaded(document, options, endpoints, webhooks);
    }

    private sealed record Loaded(JsonDocument Json, BuildOptions Options, string[] Endpoints, string[] Webhooks);
}
