using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// The API's JSON at the edge: enums are read by name only, and a body the hub cannot read is answered with a problem
/// saying what is wrong (see <see cref="BadRequests"/>), never with a 500 or an empty 400.
/// </summary>
public static class JsonHosting
{
    public static IHostApplicationBuilder AddAshbridgeJson(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Modes, roles and outcomes read and write as words ("incremental", "viewer"), one name at a time. Numbers are
        // refused: 7 would otherwise bind to a role that does not exist, and 99 to a sync mode. (The only enum
        // converter: the first one in the list wins.)
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(Enums));
        // The document cannot see through a converter of ours: it is told each enum's names.
        builder.Services.ConfigureAll<OpenApiOptions>(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            if ((Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type) is { IsEnum: true } type)
            {
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonNamingPolicy.CamelCase.ConvertName(name))];
            }

            return Task.CompletedTask;
        }));
        // Binding failures throw in every environment (by default only in Development), so that the exception handler
        // answers them with a problem body; otherwise Production sends a bare 400 that says nothing.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails += BadRequests.Describe);
        return builder;
    }

    /// <summary>
    /// Answers what is refused before any handler runs with a problem body saying what to send: a JSON body in a
    /// character set the hub cannot read (415), routing's refusal of a body that is not JSON (415), and the server's of
    /// a body over the size limit (413). Call it before the endpoints are mapped.
    /// </summary>
    public static WebApplication UseAshbridgeJson(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (http, next) =>
        {
            // ASP.NET throws (a 500) reading JSON in a charset it does not know; the API refuses it as a media type instead.
            if (http.Request.Path.StartsWithSegments("/api") && UnknownCharset(http.Request.ContentType) is { } charset)
            {
                http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new()
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status415UnsupportedMediaType,
                        Title = "The body's character set is unknown",
                        Detail = $"'{charset}' is not a character set the hub reads; send the body as UTF-8 JSON ('Content-Type: application/json').",
                    },
                });
                return;
            }

            await next(http);
        });
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var (title, detail) = http.Response.StatusCode switch
            {
                StatusCodes.Status415UnsupportedMediaType => BadRequests.NotJson,
                StatusCodes.Status413PayloadTooLarge => BadRequests.TooLarge,
                _ => (null, null),
            };
            if (title is null) return;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode, Title = title, Detail = detail },
            });
        });
        return app;
    }

    private static string? UnknownCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || HeaderUtilities.RemoveQuotes(type.Charset) is not { Length: > 0 } charset) return null;
        try
        {
            _ = Encoding.GetEncoding(charset.Value!);
            return null;
        }
        catch (ArgumentException)
        {
            return charset.Value;
        }
    }

    /// <summary>Enums as camelCase names, as the CLI's JSON writes them; numbers are refused.</summary>
    internal static EnumNames Enums { get; } = new();
}

/// <summary>
/// <see cref="JsonStringEnumConverter"/> without numbers and without lists: it reads "admin, viewer" as the two
/// members OR-ed together, which for an enum that is not [Flags] is another member or none at all.
/// </summary>
internal sealed class EnumNames : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _names = new(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => _names.CanConvert(typeToConvert);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var names = _names.CreateConverter(typeToConvert, options);
        return typeToConvert.IsDefined(typeof(FlagsAttribute), false)
            ? names
            : (JsonConverter?)Activator.CreateInstance(typeof(OneName<>).MakeGenericType(typeToConvert), names);
    }

    private sealed class OneName<T>(JsonConverter<T> names) : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString()!.Contains(',', StringComparison.Ordinal)) throw new JsonException();
            return names.Read(ref reader, typeToConvert, options);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => names.Write(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            names.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            names.WriteAsPropertyName(writer, value, options);
    }
}
