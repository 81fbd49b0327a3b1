using System.Collections;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Ashbridge.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.Validation;

/// <summary>
/// Issue 21: no request body can produce a 500. Every endpoint that takes a body is found in the route table (a new one
/// is covered without being listed here) and gets, as the admin, the same deterministic set of bodies: boundary values,
/// broken and truncated JSON, invalid UTF-8, wrong content types, a wrong value for each member its request type has,
/// and random JSON of random shapes.
/// </summary>
public sealed partial class BodyFuzzTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    private const int Seed = 21;
    private const int RandomBodiesPerEndpoint = 40;

    /// <summary>Not fuzzed here: the webhook intake (its own chaos tests) and the sign-in and sign-out forms.</summary>
    private static readonly HashSet<string> Excluded = new(StringComparer.Ordinal) { "/webhooks/ashby/{connection}", "/account/signin", "/account/signout" };

    /// <summary>
    /// Strings for random bodies. None is a usable connection name (lower-case letters first), so no random body can
    /// add a connection, and with it no pre-flight against Ashby's real address.
    /// </summary>
    private static readonly string[] Strings =
        ["", " ", "ü", "💥", "A", "x y", "\u0000", "<b>", "1", "-1", "9", "Ünïcødé ✓", "../../etc/passwd", "http://", "DROP TABLE", new string('é', 5000)];

    /// <summary>A pending new hire of acme, so that the review and add-member routes reach their handlers too.</summary>
    private string _applicationId = "1";

    /// <summary>A person of their own for the user routes: changing the admin's role or password would end the fuzzer's token.</summary>
    private string _userId = "1";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // A connection of the test's own, so that {name} routes reach their handlers.
        (await Admin.PostAsJsonAsync("/api/connections", new { name = "acme", apiKey = ashby.ApiKey, baseUrl = ashby.BaseUrl }, Ct)).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/runs", Ct),
            runs => runs.EnumerateArray().Any(r => r.GetProperty("outcome").GetString() == "succeeded"), TimeSpan.FromSeconds(60), "acme's first pass");
        (_applicationId, _) = await ashby.ActiveApplicationAsync(Ct);
        using (var ashbyControl = new HttpClient())
        using (var hire = await ashbyControl.PostAsJsonAsync(new Uri(ashby.BaseUrl, $"_emulator/applications/{_applicationId}/hire"), new { startDate = "2027-05-03", salary = 140000 }, Ct))
        {
            hire.EnsureSuccessStatusCode();
        }

        (await Admin.PostAsJsonAsync("/api/connections/acme/sync", new { }, Ct)).EnsureSuccessStatusCode();
        using (var person = await Admin.PostAsJsonAsync("/api/users", new { email = "fuzzed@hub.test", password = "a long enough password", role = "viewer" }, Ct))
        {
            _userId = (await person.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await Eventually.ValueAsync(() => Admin.GetAsync(new Uri($"/api/connections/acme/new-hires/{_applicationId}", UriKind.Relative), Ct),
            r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "acme's new hire");
    }

    [Fact]
    public async Task No_body_sent_to_an_endpoint_that_takes_one_gets_a_server_error_or_an_answer_without_a_problem()
    {
        var random = new Random(Seed);
        var endpoints = BodyEndpoints();
        var failures = new List<string>();
        var sent = 0;
        foreach (var (method, pattern, bodyType) in endpoints)
        {
            var bodies = Bodies(bodyType, random).ToList();
            var statuses = new SortedDictionary<int, int>();
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern)) { Content = body.Content() };
                if (body.Bytes.Length > 1024 * 1024)
                {
                    // Over the limit: sent after the hub's go-ahead, so the 413 is read rather than the send cut short,
                    // and on a connection of its own, which the server closes rather than read the rest.
                    request.Headers.ExpectContinue = true;
                    request.Headers.ConnectionClose = true;
                }

                sent++;
                try
                {
                    using var response = await Admin.SendAsync(request, Ct);
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    if (Fault(response, await response.Content.ReadAsStringAsync(Ct)) is { } fault) failures.Add($"{method} {pattern} ← {body}: {fault}");
                }
                catch (HttpRequestException ex)
                {
                    failures.Add($"{method} {pattern} ← {body}: no answer ({ex.Message} {ex.InnerException?.Message})");
                }
            }

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{method} {pattern}: {bodies.Count} bodies ({bodyType?.Name ?? "no body type"}), answered {string.Join(", ", statuses.Select(s => $"{s.Key} ×{s.Value}"))}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{endpoints.Count} endpoints, {sent} bodies");
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(13, "the route table lost endpoints that take a body");
        endpoints.Count(e => e.BodyType is not null).ShouldBeGreaterThanOrEqualTo(8);
        failures.ShouldBeEmpty($"{failures.Count} of {sent} bodies were answered badly:\n" + string.Join("\n", failures.Take(40)));

        // Nothing was lost on the way: the connection is still there, and the hub still answers.
        (await Admin.GetAsync(new Uri("/api/connections/acme", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>What is wrong with an answer: any 5xx, or a refusal of the body that is not a problem saying what is wrong.</summary>
    private static string? Fault(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var shown = text.Length > 300 ? text[..300] + "…" : text;
        if (status >= 500) return $"{status} {shown}";
        if (status is not (400 or 413 or 415)) return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{status} without a problem body: '{shown}'";
        using var problem = JsonDocument.Parse(text);
        var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        if (string.IsNullOrWhiteSpace(detail)) return $"{status} with no detail: {shown}";
        return detail.Contains("(Parameter '", StringComparison.Ordinal) || detail.Contains("System.", StringComparison.Ordinal) ? $"{status} in .NET's words: {shown}" : null;
    }

    private List<(string Method, string Pattern, Type? BodyType)> BodyEndpoints()
    {
        var found = new List<(string Method, string Pattern, Type? BodyType)>();
        foreach (var endpoint in Hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (Excluded.Contains(pattern) || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is not null) continue;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method is "POST" or "PUT" or "PATCH") found.Add((method, pattern, endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType));
            }
        }

        return [.. found.OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
    }

    private IEnumerable<FuzzBody> Bodies(Type? bodyType, Random random)
    {
        // A POST without a body: the fixed set shows it ignores whatever comes, except a body over the limit, which it
        // never reads (the server answers that, closing the connection).
        foreach (var body in Fixed().Where(b => bodyType is not null || b.Bytes.Length <= 1024 * 1024)) yield return body;
        if (bodyType is null) yield break;

        var sample = (JsonObject)Sample(bodyType, 0)!;
        yield return FuzzBody.Json("a sample", sample);
        foreach (var (name, type) in Members(bodyType))
        {
            var without = (JsonObject)sample.DeepClone();
            without.Remove(name);
            yield return FuzzBody.Json($"the sample without {name}", without);
            foreach (var (label, value) in WrongValues())
            {
                var body = (JsonObject)sample.DeepClone();
                body[name] = value;
                yield return FuzzBody.Json($"{name} = {label}", body);
            }

            // Items of a list of objects: each member of an item wrong in turn (nulls inside arrays, and below).
            if (ItemType(type) is { } item && IsObject(item))
            {
                foreach (var (itemName, _) in Members(item))
                {
                    foreach (var (label, value) in WrongValues().Where((_, i) => i % 3 == 0))
                    {
                        var element = (JsonObject)Sample(item, 1)!;
                        element[itemName] = value;
                        var body = (JsonObject)sample.DeepClone();
                        body[name] = new JsonArray(element);
                        yield return FuzzBody.Json($"{name}[0].{itemName} = {label}", body);
                    }
                }
            }
        }

        var members = Members(bodyType);
        for (var i = 0; i < RandomBodiesPerEndpoint; i++)
        {
            var shape = random.Next(10) < 7 ? RandomObject(random, members, 0) : RandomNode(random, members, 0);
            yield return FuzzBody.Json($"random {i}", shape);
        }
    }

    /// <summary>The same for every endpoint: empty and boundary bodies, broken JSON, bytes that are not UTF-8, other media types.</summary>
    private static IEnumerable<FuzzBody> Fixed()
    {
        foreach (var text in new[]
        {
            "", "null", "{}", "[]", "0", "-1", "true", "\"text\"", "1e400", "-99999999999999999999999", "NaN",
            "{", "{\"", "{\"a\":", "[1,", "{\"a\":1,}", "{'a':1}", "/* note */ {}", "{\"a\":1}{\"b\":2}", "\uFEFF{}",
            "{\"a\":\"\\uD800\"}", "{\"a\":\"\\u0000\"}", "\"" + new string('x', 200_000) + "\"",
            new string('[', 200) + new string(']', 200), string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100),
        })
        {
            yield return FuzzBody.Text(text, "application/json");
        }

        yield return new FuzzBody("bytes FF FE FD", [0xFF, 0xFE, 0xFD], "application/json");
        yield return new FuzzBody("{\"a\":\"<C3 28>\"}", [.. Encoding.UTF8.GetBytes("{\"a\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")], "application/json");
        yield return new FuzzBody("{\"name\":\"<C0 AF>\"}", [.. Encoding.UTF8.GetBytes("{\"name\":\""), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes("\"}")], "application/json");
        yield return new FuzzBody("a NUL byte", [0x00], "application/json");
        yield return new FuzzBody("{} of 1.1 MB", Encoding.UTF8.GetBytes("{\"a\":\"" + new string('a', 1_100_000) + "\"}"), "application/json");
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml", "application/json; charset=bogus", "application/json; charset=utf-16", "application/merge-patch+json" })
        {
            yield return FuzzBody.Text("{}", type);
        }

        yield return FuzzBody.Text("{}", null);
    }

    /// <summary>A wrong value for any member: other kinds, boundaries of each, and the values the probe found.</summary>
    private static IEnumerable<(string Label, JsonNode? Value)> WrongValues()
    {
        yield return ("null", null);
        yield return ("true", true);
        yield return ("0", 0);
        yield return ("-1", -1);
        yield return ("99", 99);
        yield return ("long.MaxValue", long.MaxValue);
        yield return ("2^63", JsonNode.Parse("9223372036854775808"));
        yield return ("-1e400", JsonNode.Parse("-1e400"));
        yield return ("1.5", 1.5);
        yield return ("\"\"", "");
        yield return ("\" \"", " ");
        yield return ("unicode", "Ünïcødé 💥 \u0000 \u202e");
        yield return ("10,000 characters", new string('x', 10_000));
        yield return ("\"not a url\"", "not a url");
        yield return ("\"file:///etc/passwd\"", "file:///etc/passwd");
        yield return ("\"ftp://x/\"", "ftp://x/");
        yield return ("\"99\"", "99");
        yield return ("[]", new JsonArray());
        yield return ("[null]", new JsonArray((JsonNode?)null));
        yield return ("[1, \"a\", {}]", new JsonArray(1, "a", new JsonObject()));
        yield return ("{}", new JsonObject());
        yield return ("{\"a\": null}", new JsonObject { ["a"] = null });
        yield return ("30 nested objects", JsonNode.Parse(string.Concat(Enumerable.Repeat("{\"a\":", 30)) + "1" + new string('}', 30)));
    }

    /// <summary>A plausible value of <paramref name="type"/>. Strings are "acme": a taken connection name, no user, no URL.</summary>
    private JsonNode? Sample(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "acme";
        if (type == typeof(bool)) return false;
        if (type == typeof(int) || type == typeof(long)) return 1;
        if (type == typeof(decimal) || type == typeof(double)) return 1.5;
        if (type == typeof(Uri)) return ashby.BaseUrl.ToString();
        if (type == typeof(DateTimeOffset)) return "2026-05-03T09:00:00Z";
        if (type.IsEnum) return JsonNamingPolicy.CamelCase.ConvertName(Enum.GetNames(type)[0]);
        if (DictionaryValue(type) is not null) return new JsonObject();
        if (ItemType(type) is not null) return new JsonArray();
        if (!IsObject(type) || depth > 3) return null;
        var sample = new JsonObject();
        foreach (var (name, member) in Members(type)) sample[name] = Sample(member, depth + 1);
        return sample;
    }

    private static JsonObject RandomObject(Random random, IReadOnlyList<(string Name, Type Type)> members, int depth)
    {
        var node = new JsonObject();
        foreach (var (name, type) in members.Where(_ => random.Next(3) > 0))
        {
            // Half the enum members get a name that is right, so that bodies get past them to the members after.
            node[name] = type.IsEnum && random.Next(2) == 0
                ? JsonNamingPolicy.CamelCase.ConvertName(Enum.GetNames(type)[random.Next(Enum.GetNames(type).Length)])
                : RandomNode(random, members, depth + 1);
        }

        if (random.Next(4) == 0) node[Strings[random.Next(Strings.Length)] + "?"] = RandomNode(random, members, depth + 1);
        return node;
    }

    private static JsonNode? RandomNode(Random random, IReadOnlyList<(string Name, Type Type)> members, int depth) => random.Next(depth > 3 ? 6 : 9) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.NextInt64(long.MinValue, long.MaxValue),
        3 => JsonNode.Parse($"{random.Next(-9, 10)}.{random.Next(1000)}e{random.Next(-400, 400)}"),
        4 or 5 => Strings[random.Next(Strings.Length)],
        6 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomNode(random, members, depth + 1))]),
        _ => RandomObject(random, members, depth + 1),
    };

    /// <summary>The JSON members of a request type, as the API names them.</summary>
    private static List<(string Name, Type Type)> Members(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType))];

    private static bool IsObject(Type type) => type.IsClass && type != typeof(string) && type != typeof(Uri) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static Type? ItemType(Type type) =>
        type == typeof(string) || DictionaryValue(type) is not null ? null
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private string Fill(string pattern) => RouteParameter().Replace(pattern, m => m.Groups[1].Value switch
    {
        "applicationId" => _applicationId,
        "id" when pattern.StartsWith("/api/users/", StringComparison.Ordinal) => _userId,
        "id" or "eventId" => "1",
        _ => "acme",
    });

    [GeneratedRegex(@"\{\**([a-zA-Z]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    /// <summary>One body: its bytes, the content type it is sent with (none when null), and how a failure names it.</summary>
    private sealed record FuzzBody(string Label, byte[] Bytes, string? ContentType)
    {
        public static FuzzBody Json(string label, JsonNode? node) => Text(node?.ToJsonString() ?? "null", "application/json", label);

        public static FuzzBody Text(string text, string? contentType, string? label = null) =>
            new(label ?? (text.Length > 80 ? text[..80] + $"… ({text.Length} characters)" : text), Encoding.UTF8.GetBytes(text), contentType);

        public ByteArrayContent Content()
        {
            var content = new ByteArrayContent(Bytes);
            if (ContentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            return content;
        }

        public override string ToString()
        {
            var text = Encoding.UTF8.GetString(Bytes);
            var shown = text.Length > 200 ? text[..200] + $"… ({Bytes.Length} bytes)" : text;
            return $"{Label} [{ContentType ?? "no content type"}] {shown}";
        }
    }
}
