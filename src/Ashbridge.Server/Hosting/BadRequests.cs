using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// Words for a request the hub could not read. ASP.NET's own messages name .NET types ("could not be converted to
/// System.Uri", "Failed to read parameter \"AddConnectionRequest request\""); the caller wrote JSON, so the answer names
/// the JSON member, what it must be, and where to look.
/// </summary>
public static partial class BadRequests
{
    private const string Reference = "See the API reference at /api-docs for what this request takes; nothing was changed.";

    /// <summary>The answer to a body sent as something other than JSON.</summary>
    public static (string Title, string Detail) NotJson { get; } =
        ("The body is not JSON", "Send the body as JSON, with the header 'Content-Type: application/json'. " + Reference);

    /// <summary>The answer to a body over the hub's limit.</summary>
    public static (string Title, string Detail) TooLarge { get; } = ("The body is too large", "The hub reads bodies of up to 1 MB. " + Reference);

    /// <summary>
    /// Fills a problem answer: a binding failure or a refused value gets a title and a detail in the caller's words; no
    /// answer keeps .NET's "(Parameter 'x')".
    /// </summary>
    public static void Describe(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is BadHttpRequestException bad)
        {
            // The exception handler has cleared the request's endpoint; its feature keeps the one that failed.
            var endpoint = context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.HttpContext.GetEndpoint();
            var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            (context.ProblemDetails.Title, context.ProblemDetails.Detail) = Explain(bad, bodyType);
        }
        else if (context.Exception is { } exception && IsRefusedValue(exception))
        {
            context.ProblemDetails.Title = "A value was refused";
            context.ProblemDetails.Detail = exception.Message;
        }

        // Stores refuse bad values with ArgumentException, whose message .NET ends with the C# parameter's name.
        if (context.ProblemDetails.Detail is { } detail) context.ProblemDetails.Detail = WithoutParameterName(detail);
    }

    /// <summary>A message without the "(Parameter 'x')" that .NET ends an <see cref="ArgumentException"/>'s with, for pages as for problems.</summary>
    public static string WithoutParameterName(string message) => ParameterSuffix().Replace(message, "");

    /// <summary>
    /// Whether an exception is one of the hub's stores refusing a value the caller gave. They throw a plain
    /// <see cref="ArgumentException"/> with a message written for the caller, which handlers answer as a 400; this
    /// covers a handler that does not catch it (looking up a token's user by something that is not an email, say).
    /// Subclasses (null, out of range) and .NET's own are bugs, and stay 500s.
    /// </summary>
    public static bool IsRefusedValue(Exception exception) =>
        exception?.GetType() == typeof(ArgumentException) && exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("Ashbridge.", StringComparison.Ordinal) == true;

    /// <summary>A title and a detail for a request that could not be bound; <paramref name="bodyType"/> is what the body binds to.</summary>
    public static (string Title, string Detail) Explain(BadHttpRequestException exception, Type? bodyType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType) return NotJson;

        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge) return TooLarge;

        if (exception.InnerException is JsonException json)
        {
            if (Causes(json).Any(e => e is DecoderFallbackException))
            {
                return ("The body is not valid UTF-8", $"A text in the body is not valid UTF-8{Where(json)}. " + Reference);
            }

            // The reader's own exception (wrapped, with the path): the text cannot be read as JSON (cut short, a stray
            // character, nested too deep). Without it, the JSON was read but a value does not fit its member.
            return json.InnerException is JsonException || json.GetType() != typeof(JsonException)
                ? ("The body could not be read as JSON", $"{Trim(json.Message)}{Where(json)}. " + Reference)
                : ("A value in the body does not fit", Member(json.Path, bodyType) + " " + Reference);
        }

        // "Implicit body inferred for parameter … but no body was provided", or "Required parameter … was not provided from body".
        if (exception.Message.Contains("no body was provided", StringComparison.Ordinal) || exception.Message.EndsWith("from body.", StringComparison.Ordinal))
        {
            return ("The body is missing", $"This request takes {Kind(bodyType, top: true)} as its body. " + Reference);
        }

        if (BindFailure().Match(exception.Message) is { Success: true } bind)
        {
            return ("A value in the address does not fit", $"'{bind.Groups["value"].Value}' is not a valid {bind.Groups["name"].Value}. " + Reference);
        }

        if (RequiredFailure().Match(exception.Message) is { Success: true } required)
        {
            return ("A value is missing", $"This request needs '{required.Groups["name"].Value}' (in the {required.Groups["source"].Value}). " + Reference);
        }

        return ("The request could not be read", Reference);
    }

    /// <summary>"'mode' must be one of: incremental, full." — the member as the JSON path names it, and what it takes.</summary>
    private static string Member(string? path, Type? bodyType)
    {
        var segments = Segments(path);
        if (segments.Count == 0) return $"The body must be {Kind(bodyType, top: true)}.";
        var type = bodyType;
        foreach (var segment in segments)
        {
            type = type is null ? null : Step(type, segment);
        }

        var name = string.Concat(segments.Select((s, i) => s.Index is { } n ? $"[{n}]" : (i == 0 ? s.Name : "." + s.Name)));
        return type is null ? $"'{name}' has a value of the wrong kind." : $"'{name}' must be {Kind(type, top: false)}.";
    }

    private static List<(string? Name, int? Index)> Segments(string? path)
    {
        var segments = new List<(string? Name, int? Index)>();
        foreach (Match m in PathSegment().Matches(path ?? ""))
        {
            segments.Add(m.Groups["index"].Success
                ? (null, int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture))
                : (m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal), null));
        }

        return segments;
    }

    /// <summary>The type one path segment down: a property of an object, a value of a dictionary, an item of a list.</summary>
    private static Type? Step(Type type, (string? Name, int? Index) segment)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (DictionaryValue(type) is { } value) return segment.Name is not null ? value : null;
        if (segment.Index is not null) return ItemType(type);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, segment.Name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
    }

    /// <summary>What a value of <paramref name="type"/> looks like in JSON, in words.</summary>
    private static string Kind(Type? type, bool top)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            null => top ? "a JSON object" : "a value of another kind",
            _ when t == typeof(string) => "text",
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(int) => $"a whole number from {int.MinValue:N0} to {int.MaxValue:N0}",
            _ when t == typeof(long) => $"a whole number from {long.MinValue:N0} to {long.MaxValue:N0}",
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "a number",
            _ when t == typeof(Uri) => "a URL such as https://api.ashbyhq.com/",
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "a date and time such as 2026-05-03T09:00:00Z",
            _ when t == typeof(DateOnly) => "a date such as 2026-05-03",
            _ when t.IsEnum => "one of: " + string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.CamelCase.ConvertName)),
            _ when DictionaryValue(t) is { } value => $"an object whose values are {Kind(value, top: false)}",
            _ when ItemType(t) is { } item => $"a list of {Plural(item)}",
            _ when t.IsPrimitive => "a number",
            _ => "a JSON object",
        };
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException) yield return e;
    }

    private static string Plural(Type item) => Kind(item, top: false) switch
    {
        "text" => "texts",
        "a JSON object" => "objects",
        var other => $"items that are each {other}",
    };

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)))?.GetGenericArguments()[1];

    private static Type? ItemType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Where(JsonException json) =>
        json.LineNumber is { } line && json.BytePositionInLine is { } position ? $" (line {line + 1}, byte {position + 1})" : "";

    /// <summary>The reader's message without the path and position it appends, and without a closing full stop.</summary>
    private static string Trim(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd().TrimEnd('.');
    }

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>[^" ]+)" from "(?<value>[^"]*)"\.$""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "(?:[^"]* )?(?<name>[^" ]+)" was not provided from (?<source>.+)\.$""")]
    private static partial Regex RequiredFailure();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
