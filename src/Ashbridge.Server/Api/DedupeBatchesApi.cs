using System.ComponentModel;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Ashbridge.Core.Dedupe.Batches;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ashbridge.Server.Api;

/// <summary>
/// Batch uploads over HTTP: upload a CSV or XLSX file of prospects (answered with its mapping and dry-run plan), change
/// the mapping, decide rows that need a person, run it in the hub's background, follow its progress, and download the
/// report.
/// </summary>
public static class DedupeBatchesApi
{
    /// <summary>What <c>PUT …/batches/{id}/mapping</c> takes: column (header, or number from 1) → field, or empty to leave a column out.</summary>
    public sealed record MappingChange(IReadOnlyDictionary<string, string?>? Columns);

    /// <summary>What <c>PUT …/batches/{id}/rows/{row}</c> takes: create, merge:&lt;candidate id&gt;, skip, or null to follow the plan.</summary>
    public sealed record RowDecision([property: Description("create, merge:<candidate id> (one of the row's matches), skip; null follows the plan")] string? Decision);

    /// <summary>A batch with one page of its rows.</summary>
    public sealed record BatchAnswer(DedupeBatch Batch, IReadOnlyList<string> Fields, IReadOnlyList<DedupeBatchRow> Rows, int? NextAfter);

    public static IEndpointRouteBuilder MapDedupeBatchesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/connections/{name}/dedupe/batches").WithTags("Dedupe").RequireAuthorization(AccessPolicies.Read);
        // The body is described, not declared with Accepts: a declared content type is enforced by routing, before authorization.
        api.MapPost("", CreateAsync).RequireAuthorization(AccessPolicies.Operate).AddOpenApiOperationTransformer(FileBody).WithName("CreateDedupeBatch")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Uploads a CSV (UTF-8) or XLSX file of prospects as multipart/form-data (file; optional mapping as JSON, column → field): answers the batch with its guessed mapping and the dry run of every row (create, merge, skip, person, invalid); nothing is written to Ashby");
        api.MapGet("/{id:long}", GetAsync).WithName("GetDedupeBatch").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A batch: its state, progress (doneRows of totalRows), counts per plan and outcome, and a page of its rows (after a row number, at most limit, optionally one action)");
        api.MapPut("/{id:long}/mapping", RemapAsync).RequireAuthorization(AccessPolicies.Operate).WithName("MapDedupeBatch")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Changes the batch's column mapping (column → field) and plans every row again; refused once the batch has run");
        api.MapPut("/{id:long}/rows/{row}", DecideAsync).RequireAuthorization(AccessPolicies.Operate).WithName("DecideDedupeBatchRow")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A person's decision for a row: create, merge:<candidate id>, skip, or null to follow the plan");
        api.MapPost("/{id:long}/run", RunAsync).RequireAuthorization(AccessPolicies.Operate).WithName("RunDedupeBatch").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Runs (or resumes) the batch in the hub's background: answers 202 with the batch; follow it with GET");
        api.MapGet("/{id:long}/report.csv", ReportAsync).WithName("GetDedupeBatchReport").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The batch's report as CSV: a line per row with its plan, decision, state, outcome, candidate, application and detail");
        return routes;
    }

    private static async Task<Results<Created<BatchAnswer>, ProblemHttpResult>> CreateAsync(
        string name, HttpContext http, ClaimsPrincipal principal, ConnectionAccess access, DedupeBatches batches, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = BatchLimits.MaxFileBytes + (64 * 1024); // before anything reads the body (the antiforgery check reads the form)
        // A browser's form may be sent from another site with the person's cookie: only tokens go without the antiforgery check.
        if (principal.FindFirst(AccessClaims.Session) is not null && !await antiforgery.IsRequestValidAsync(http))
        {
            return BadRequest("Missing or wrong antiforgery token", "Upload the file from the hub's own page, or call the API with a token.");
        }

        if (!http.Request.HasFormContentType || !(http.Request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest("Send a multipart form", "Send the file as multipart/form-data, in a field named file (and the mapping, if any, as JSON in a field named mapping).");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? TypedResults.Problem($"At most {BatchLimits.MaxFileBytes / 1024 / 1024} MB is read in one batch; split the file.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large")
                : BadRequest("The form could not be read", "The multipart body is malformed or incomplete; send it again.");
        }

        if (form.Files.GetFile("file") is not { } file) return BadRequest("No file", "Send the CSV or XLSX file in a form field named file.");
        if (file.Length > BatchLimits.MaxFileBytes)
        {
            return TypedResults.Problem($"At most {BatchLimits.MaxFileBytes / 1024 / 1024} MB is read in one batch; split the file.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large");
        }

        Dictionary<string, string?>? mapping = null;
        if (form.TryGetValue("mapping", out var mappingText) && !string.IsNullOrWhiteSpace(mappingText))
        {
            try
            {
                mapping = JsonSerializer.Deserialize<Dictionary<string, string?>>(mappingText.ToString());
            }
            catch (JsonException)
            {
                return BadRequest("The mapping is not valid JSON", "Give the mapping as a JSON object of column (header, or number from 1) → field, such as {\"E-mail\": \"email\"}.");
            }
        }

        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        try
        {
            var batch = await batches.CreateAsync(c.Id, file.FileName, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), mapping, principal.Actor(), ct);
            return TypedResults.Created($"/api/connections/{Uri.EscapeDataString(c.Name)}/dedupe/batches/{batch.Id}", await AnswerAsync(batches, batch, 0, 100, null, ct));
        }
        catch (DedupeBatchException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The file cannot be used as given");
        }
    }

    private static async Task<Results<Ok<BatchAnswer>, ProblemHttpResult>> GetAsync(
        string name, long id, [Description("rows after this row number (paging)")] int? after, [Description("rows per page, at most 500")] int? limit,
        [Description("only rows planned as this action: create, merge, skip, person or invalid")] string? action,
        ClaimsPrincipal principal, ConnectionAccess access, DedupeBatches batches, CancellationToken ct)
    {
        if (await FindAsync(name, id, principal, access, batches, ct) is not { } batch) return NoSuchBatch(name, id);
        return TypedResults.Ok(await AnswerAsync(batches, batch, after ?? 0, limit ?? 100, action, ct));
    }

    private static async Task<Results<Ok<BatchAnswer>, ProblemHttpResult>> RemapAsync(
        string name, long id, MappingChange? change, ClaimsPrincipal principal, ConnectionAccess access, DedupeBatches batches, CancellationToken ct)
    {
        if (await FindAsync(name, id, principal, access, batches, ct) is not { } batch) return NoSuchBatch(name, id);
        if (change?.Columns is not { Count: > 0 } columns) return BadRequest("No change", "Give columns: an object of column (header, or number from 1) → field.");
        if (batch.IsRunning || batch.StartedAt is not null) return Conflict("The batch has run (or is running), so its mapping is kept; upload the file again for a new batch with another mapping.");
        try
        {
            return TypedResults.Ok(await AnswerAsync(batches, await batches.RemapAsync(id, columns, ct), 0, 100, null, ct));
        }
        catch (DedupeBatchException ex)
        {
            return BadRequest("The mapping cannot be used", ex.Message);
        }
    }

    private static async Task<Results<Ok<DedupeBatchRow>, ProblemHttpResult>> DecideAsync(
        string name, long id, string row, RowDecision? decision, ClaimsPrincipal principal, ConnectionAccess access, DedupeBatches batches, CancellationToken ct)
    {
        // The row is read here, not by a route constraint: a caller who may not see the connection learns 404 first.
        if (await FindAsync(name, id, principal, access, batches, ct) is not { } batch) return NoSuchBatch(name, id);
        if (!int.TryParse(row, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)) return TypedResults.Problem($"Batch {id} has no row '{row}'.", statusCode: StatusCodes.Status404NotFound, title: "No such row");
        if (batch.IsRunning) return Conflict("The batch is running; decide once it has finished or stopped.");
        if (await batches.FindRowAsync(id, number, ct) is null) return TypedResults.Problem($"Batch {id} has no row {number}.", statusCode: StatusCodes.Status404NotFound, title: "No such row");
        try
        {
            return TypedResults.Ok(await batches.DecideAsync(id, number, decision?.Decision, ct));
        }
        catch (DedupeBatchException ex)
        {
            return BadRequest("The decision cannot be taken", ex.Message);
        }
    }

    private static async Task<Results<Accepted<DedupeBatch>, ProblemHttpResult>> RunAsync(
        string name, long id, ClaimsPrincipal principal, ConnectionAccess access, DedupeBatches batches, CancellationToken ct)
    {
        if (await FindAsync(name, id, principal, access, batches, ct) is null) return NoSuchBatch(name, id);
        var batch = await batches.QueueAsync(id, ct);
        return TypedResults.Accepted($"/api/connections/{Uri.EscapeDataString(name)}/dedupe/batches/{id}", batch);
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ReportAsync(
        string name, long id, HttpContext http, ClaimsPrincipal principal, ConnectionAccess access, DedupeBatches batches, CancellationToken ct)
    {
        if (await FindAsync(name, id, principal, access, batches, ct) is not { } batch) return NoSuchBatch(name, id);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"dedupe-batch-{id}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        await batches.WriteReportAsync(batch, writer, ct);
        return TypedResults.Empty;
    }

    private static async Task<BatchAnswer> AnswerAsync(DedupeBatches batches, DedupeBatch batch, int after, int limit, string? action, CancellationToken ct)
    {
        var rows = await batches.PageRowsAsync(batch.Id, after, limit, action, ct);
        return new BatchAnswer(batch, BatchField.All, rows, rows.Count == Math.Clamp(limit, 1, DedupeBatches.MaxPageSize) ? rows[^1].Number : null);
    }

    private static async Task<DedupeBatch?> FindAsync(string name, long id, ClaimsPrincipal principal, ConnectionAccess access, DedupeBatches batches, CancellationToken ct) =>
        await access.FindVisibleAsync(principal, name, ct) is { } c && await batches.FindAsync(id, ct) is { } batch && batch.ConnectionId == c.Id ? batch : null;

    private static ProblemHttpResult NoSuchBatch(string name, long id) =>
        TypedResults.Problem($"Connection '{name}' has no batch {id} (or there is no such connection).", statusCode: StatusCodes.Status404NotFound, title: "No such batch");

    private static ProblemHttpResult BadRequest(string title, string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    private static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The batch cannot be changed now");

    private static Task FileBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The file of prospects (CSV in UTF-8, or XLSX; the first row names the columns) in the field file; optionally mapping, a JSON object of column → field (firstName, lastName, name, email, phone, linkedIn, gitHub, website, company, job, tags, source; empty to leave a column out).",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string>(StringComparer.Ordinal) { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            ["mapping"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "JSON object: column (header, or number from 1) → field" },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
