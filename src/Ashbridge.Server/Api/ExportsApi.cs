using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Exports;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// Hired-applicant exports over HTTP: define them (admins), list, read, preview, pull their rows as CSV, XLSX or JSON
/// Lines (optionally only rows changed since a time), read their run reports, and manage the tokens bound to one export
/// (hub admins). The rows route is the only one an export token may call.
/// </summary>
public static class ExportsApi
{
    /// <summary>What <c>POST /api/exports</c> and <c>PUT /api/exports/{id}</c> take.</summary>
    public sealed record ExportRequest(string? Name, string? Connection, IReadOnlyList<string>? CustomFieldIds, ExportFilters? Filters);

    /// <summary>What <c>POST /api/exports</c> answers.</summary>
    public sealed record CreatedExport(long Id);

    /// <summary>An export as the API shows it: its definition and the columns the caller gets.</summary>
    public sealed record ExportAnswer(
        long Id, string Name, string Connection, IReadOnlyList<ExportCustomField> CustomFields, ExportFilters Filters, IReadOnlyList<ExportColumn> Columns,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, string RowsUrl);

    /// <summary>The first rows, each keyed by column name.</summary>
    public sealed record PreviewAnswer(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows, IReadOnlyList<ExportProblem> Problems);

    /// <summary>What <c>POST /api/exports/{id}/tokens</c> takes.</summary>
    public sealed record TokenRequest(string? Name, bool? Compensation);

    /// <summary>A new export token: shown once.</summary>
    public sealed record CreatedToken(long Id, string Token, ExportToken Record);

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/exports").WithTags("Exports").RequireAuthorization(AccessPolicies.Read);
        api.MapGet("", ListAsync).WithName("ListExports").WithSummary("The exports of the connections the caller may see");
        api.MapGet("/fields", FieldsAsync).WithName("ListExportFields").WithSummary("The custom fields an export of a connection may include (candidate, application, job and offer fields)");
        api.MapGet("/{id:long}", GetAsync).WithName("GetExport").WithSummary("An export: its definition and the columns the caller gets (compensation columns left out without the right; deleted fields marked)");
        api.MapGet("/{id:long}/preview", PreviewAsync).WithName("PreviewExport").WithSummary("The export's first rows (limit, 1 to 200, default 20)");
        api.MapGet("/{id:long}/rows", RowsAsync).WithName("ExportRows").WithMetadata(new ExportTokenRouteAttribute())
            .WithSummary("The export's rows, streamed: format=csv (default), xlsx or jsonl; since=an ISO time or Unix ms gives only rows changed since then. Audited with the row count. Export tokens may call this route only, for their own export.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/jsonl"]);
        api.MapGet("/{id:long}/runs", RunsAsync).WithName("ListExportRuns").WithSummary("The export's latest runs with their reports (row count, values that did not fit their type, deleted fields)");

        var change = routes.MapGroup("/api/exports").WithTags("Exports").RequireAuthorization(AccessPolicies.Operate);
        change.MapPost("", CreateAsync).WithName("CreateExport").WithSummary("Defines an export: { name, connection, customFieldIds[], filters? }; answers { id }");
        change.MapPut("/{id:long}", UpdateAsync).WithName("UpdateExport").WithSummary("Redefines an export (its tokens stay; the next ?since= pull gives every row)");
        change.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteExport").WithSummary("Removes an export with its tokens and runs");

        var tokens = routes.MapGroup("/api/exports/{id:long}/tokens").WithTags("Exports").RequireAuthorization(AccessPolicies.HubAdmin);
        tokens.MapGet("", ListTokensAsync).WithName("ListExportTokens").WithSummary("The tokens bound to the export (never the tokens themselves)");
        tokens.MapPost("", CreateTokenAsync).WithName("CreateExportToken").WithSummary("Makes a token that reads this export's rows and nothing else, acting as the caller; { name, compensation? }; shown once");
        tokens.MapDelete("/{tokenId}", RevokeTokenAsync).WithName("RevokeExportToken").WithSummary("Revokes a token at once");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<ExportAnswer>>> ListAsync(ClaimsPrincipal principal, ExportDefinitions definitions, ExportRunner runner, CancellationToken ct)
    {
        var answers = new List<ExportAnswer>();
        foreach (var export in await definitions.ListAsync(ConnectionAccess.VisibleIds(principal), ct)) answers.Add(await AnswerAsync(export, principal, runner, ct));
        return TypedResults.Ok<IReadOnlyList<ExportAnswer>>(answers);
    }

    private static async Task<Results<Ok<IReadOnlyList<ExportCustomField>>, ProblemHttpResult>> FieldsAsync(
        [Description("the connection's name")] string? connection, ClaimsPrincipal principal, ConnectionAccess access, ExportDefinitions definitions, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(connection)) return TypedResults.Problem("Name the connection: ?connection=NAME.", statusCode: StatusCodes.Status400BadRequest, title: "No connection named");
        if (await access.FindVisibleAsync(principal, connection, ct) is not { } c) return NoConnection(connection);
        var fields = await definitions.ListFieldsAsync(c.Id, ct);
        return TypedResults.Ok<IReadOnlyList<ExportCustomField>>(principal.MaySeeCompensation() ? fields : [.. fields.Where(f => !ExportColumns.IsCompensation(f))]);
    }

    private static async Task<Results<Ok<ExportAnswer>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal principal, ExportDefinitions definitions, ExportRunner runner, CancellationToken ct) =>
        await FindAsync(id, principal, definitions, ct) is { } export ? TypedResults.Ok(await AnswerAsync(export, principal, runner, ct)) : NoExport(id);

    private static async Task<Results<Ok<PreviewAnswer>, ProblemHttpResult>> PreviewAsync(
        long id, [Description("rows, 1 to 200 (default 20)")] int? limit, ClaimsPrincipal principal, ExportDefinitions definitions, ExportRunner runner, CancellationToken ct)
    {
        if (limit is < 1 or > 200) return TypedResults.Problem("limit is from 1 to 200.", statusCode: StatusCodes.Status400BadRequest, title: "The preview cannot be read that way");
        if (await FindAsync(id, principal, definitions, ct) is not { } export) return NoExport(id);
        var preview = await runner.PreviewAsync(export, principal.MaySeeCompensation(), limit ?? 20, ct);
        return TypedResults.Ok(new PreviewAnswer(
            preview.Columns,
            [.. preview.Rows.Select(r => (IReadOnlyDictionary<string, object?>)preview.Columns.Select((c, i) => (c.Name, r.Cells[i])).ToDictionary(x => x.Name, x => x.Item2, StringComparer.Ordinal))],
            preview.Problems));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> RowsAsync(
        long id,
        [Description("csv (the default), xlsx or jsonl")] string? format,
        [Description("only rows changed since this time: ISO 8601 (2026-12-01T00:00:00Z) or Unix milliseconds")] string? since,
        ClaimsPrincipal principal, ExportDefinitions definitions, ExportRunner runner, ExportTokens tokens, HttpContext http, CancellationToken ct)
    {
        // Checked before anything is read: a token bound to another export learns nothing, not even whether this one exists.
        if (principal.BoundExport() is { } bound && bound != id)
        {
            return TypedResults.Problem("This token is bound to another export; it reads that export's rows only.", statusCode: StatusCodes.Status403Forbidden, title: "Not this token's export");
        }

        if (ParseFormat(format) is not { } chosen) return TypedResults.Problem($"'{format}' is not a format; use csv, xlsx or jsonl.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown format");
        DateTimeOffset? sinceTime = null;
        if (since is not null)
        {
            if (ParseSince(since) is not { } parsed)
            {
                return TypedResults.Problem($"'{since}' is not a time; use ISO 8601 (2026-12-01T00:00:00Z) or Unix milliseconds.", statusCode: StatusCodes.Status400BadRequest, title: "since cannot be read");
            }

            sinceTime = parsed;
        }

        if (await FindAsync(id, principal, definitions, ct) is not { } export) return NoExport(id);
        var compensation = principal.MaySeeExportCompensation();
        var columns = await runner.ColumnsAsync(export, compensation, ct);
        var response = http.Response;
        response.ContentType = chosen switch
        {
            ExportFormat.Csv => "text/csv; charset=utf-8",
            ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => "application/jsonl; charset=utf-8",
        };
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(export.Name)}.{chosen.ToString().ToLowerInvariant()}\"";
        response.Headers.CacheControl = "no-store";
        if (columns.Where(c => c.DeletedInAshby).Select(c => c.Name).ToList() is { Count: > 0 } deleted)
        {
            response.Headers["Ashbridge-Deleted-Columns"] = string.Join(",", deleted);
        }

        await runner.RunAsync(export, new ExportRunRequest(chosen, sinceTime, compensation, principal.Actor()), response.Body, ct);
        if (principal.ExportTokenId() is { } tokenId) await tokens.NoteUseAsync(tokenId, CancellationToken.None);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<IReadOnlyList<ExportRun>>, ProblemHttpResult>> RunsAsync(long id, ClaimsPrincipal principal, ExportDefinitions definitions, ExportRunner runner, CancellationToken ct) =>
        await FindAsync(id, principal, definitions, ct) is { } export ? TypedResults.Ok(await runner.ListRunsAsync(export.Id, 20, ct)) : NoExport(id);

    private static async Task<Results<Created<CreatedExport>, ProblemHttpResult>> CreateAsync(
        ExportRequest request, ClaimsPrincipal principal, ConnectionAccess access, ExportDefinitions definitions, CancellationToken ct)
    {
        if (Refusal(request) is { } bad) return bad;
        if (await access.FindVisibleAsync(principal, request.Connection!, ct) is null) return Unprocessable($"There is no connection named '{request.Connection}'.");
        try
        {
            var export = await definitions.CreateAsync(new NewExport(request.Name!, request.Connection!, request.CustomFieldIds ?? [], request.Filters), principal.Actor(), ct);
            return TypedResults.Created($"/api/exports/{export.Id}", new CreatedExport(export.Id));
        }
        catch (ExportInvalidException ex)
        {
            return ex.NameTaken ? TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "An export of that name exists") : Unprocessable(ex.Message);
        }
    }

    private static async Task<Results<Ok<ExportAnswer>, ProblemHttpResult>> UpdateAsync(
        long id, ExportRequest request, ClaimsPrincipal principal, ConnectionAccess access, ExportDefinitions definitions, ExportRunner runner, CancellationToken ct)
    {
        if (Refusal(request) is { } bad) return bad;
        if (await FindAsync(id, principal, definitions, ct) is null) return NoExport(id);
        if (await access.FindVisibleAsync(principal, request.Connection!, ct) is null) return Unprocessable($"There is no connection named '{request.Connection}'.");
        try
        {
            var export = await definitions.UpdateAsync(id, new NewExport(request.Name!, request.Connection!, request.CustomFieldIds ?? [], request.Filters), ct);
            return export is null ? NoExport(id) : TypedResults.Ok(await AnswerAsync(export, principal, runner, ct));
        }
        catch (ExportInvalidException ex)
        {
            return ex.NameTaken ? TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "An export of that name exists") : Unprocessable(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, ClaimsPrincipal principal, ExportDefinitions definitions, AuditLog audit, CancellationToken ct)
    {
        if (await FindAsync(id, principal, definitions, ct) is not { } export) return NoExport(id);
        await definitions.DeleteAsync(id, ct);
        await audit.WriteAsync(principal.Actor(), "export.delete", export.Name, null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<ExportToken>>, ProblemHttpResult>> ListTokensAsync(long id, ClaimsPrincipal principal, ExportDefinitions definitions, ExportTokens tokens, CancellationToken ct) =>
        await FindAsync(id, principal, definitions, ct) is { } export ? TypedResults.Ok(await tokens.ListAsync(export.Id, ct)) : NoExport(id);

    private static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> CreateTokenAsync(
        long id, TokenRequest request, ClaimsPrincipal principal, ExportDefinitions definitions, ExportTokens tokens, UserStore users, AuditLog audit, CancellationToken ct)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Name))
        {
            return TypedResults.Problem("Give the token a name that says what pulls with it (e.g. 'Pigment nightly').", statusCode: StatusCodes.Status400BadRequest, title: "The token needs a name");
        }

        if (await FindAsync(id, principal, definitions, ct) is not { } export) return NoExport(id);
        if (!long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId) || await users.FindAsync(userId, ct) is not { } user)
        {
            return TypedResults.Problem("Your user was not found.", statusCode: StatusCodes.Status403Forbidden, title: "No user");
        }

        try
        {
            var (token, record) = await tokens.CreateAsync(export.Id, user, request.Name, request.Compensation ?? false, ct);
            await audit.WriteAsync(principal.Actor(), "export.token.create", export.Name, $"token {record.Id} '{record.Name}'{(record.Compensation ? " with compensation" : "")}", ct);
            return TypedResults.Created($"/api/exports/{export.Id}/tokens", new CreatedToken(record.Id, token, record));
        }
        catch (ArgumentException ex)
        {
            return Unprocessable(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(long id, long tokenId, ClaimsPrincipal principal, ExportDefinitions definitions, ExportTokens tokens, AuditLog audit, CancellationToken ct)
    {
        if (await FindAsync(id, principal, definitions, ct) is not { } export) return NoExport(id);
        if (!await tokens.RevokeAsync(export.Id, tokenId, ct))
        {
            return TypedResults.Problem($"The export has no live token {tokenId}.", statusCode: StatusCodes.Status404NotFound, title: "No such token");
        }

        await audit.WriteAsync(principal.Actor(), "export.token.revoke", export.Name, $"token {tokenId}", ct);
        return TypedResults.NoContent();
    }

    /// <summary>The export, when it exists and the caller may see its connection (and, for an export token, it is its own).</summary>
    private static async Task<ExportDefinition?> FindAsync(long id, ClaimsPrincipal principal, ExportDefinitions definitions, CancellationToken ct)
    {
        if (principal.BoundExport() is { } bound && bound != id) return null;
        var export = await definitions.FindAsync(id, ct);
        return export is not null && (principal.LimitedTo() is not { } limited || limited == export.ConnectionId) ? export : null;
    }

    private static async Task<ExportAnswer> AnswerAsync(ExportDefinition export, ClaimsPrincipal principal, ExportRunner runner, CancellationToken ct)
    {
        var compensation = principal.MaySeeCompensation();
        return new ExportAnswer(
            export.Id, export.Name, export.Connection, compensation ? export.CustomFields : [.. export.CustomFields.Where(f => !ExportColumns.IsCompensation(f))],
            export.Filters, await runner.ColumnsAsync(export, compensation, ct), export.CreatedAt, export.CreatedBy, export.UpdatedAt, $"/api/exports/{export.Id}/rows");
    }

    private static ProblemHttpResult? Refusal(ExportRequest? request)
    {
        if (request is null) return TypedResults.Problem("Send { name, connection, customFieldIds[] } as JSON.", statusCode: StatusCodes.Status400BadRequest, title: "No body");
        if (string.IsNullOrWhiteSpace(request.Name)) return TypedResults.Problem("name is required: say what the export is for.", statusCode: StatusCodes.Status400BadRequest, title: "name is missing");
        if (string.IsNullOrWhiteSpace(request.Connection)) return TypedResults.Problem("connection is required: the name of the connection whose hires it reads.", statusCode: StatusCodes.Status400BadRequest, title: "connection is missing");
        if (request.CustomFieldIds?.Any(f => f is null) == true) return TypedResults.Problem("customFieldIds must hold field ids (strings), not null.", statusCode: StatusCodes.Status400BadRequest, title: "customFieldIds holds null");
        return null;
    }

    internal static ExportFormat? ParseFormat(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        "jsonl" => ExportFormat.Jsonl,
        _ => null,
    };

    internal static DateTimeOffset? ParseSince(string since)
    {
        if (since.Length is > 0 and <= 16 && since.All(char.IsAsciiDigit) && long.TryParse(since, CultureInfo.InvariantCulture, out var ms)) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
    }

    private static string FileName(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);

    private static ProblemHttpResult NoExport(long id) => TypedResults.Problem($"There is no export {id} you may see.", statusCode: StatusCodes.Status404NotFound, title: "No such export");

    private static ProblemHttpResult NoConnection(string name) => TypedResults.Problem($"There is no connection named '{name}' you may see.", statusCode: StatusCodes.Status404NotFound, title: "No such connection");

    private static ProblemHttpResult Unprocessable(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The export cannot be saved");
}
