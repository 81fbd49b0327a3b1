using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.AshbyUsers;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// The Ashby user directory over JSON: users (deactivated ones included) with their hiring teams, searched by email or
/// name, exported, what changed since a date; the access review and its weekly e-mail; and hiring team changes.
/// </summary>
public static class UsersApi
{
    /// <summary>What <c>POST …/hiring-teams</c> and <c>…/hiring-teams/remove</c> take: exactly one of jobId or applicationId.</summary>
    public sealed record HiringTeamRequest(string? JobId, string? ApplicationId, string? UserEmail, string? RoleId);

    /// <summary>What a hiring team change answers: the user, the role's title, and whether the mirror was re-read at once.</summary>
    public sealed record HiringTeamAnswer(DirectoryUser User, string Role, bool MirrorRefreshed);

    /// <summary>What <c>PUT …/users/review/email</c> takes.</summary>
    public sealed record ReviewEmailRequest(bool? Weekly, IReadOnlyList<string>? Recipients);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var reads = routes.MapGroup("/api/connections/{name}").WithTags("Users").RequireAuthorization(AccessPolicies.Read);
        reads.MapGet("/users", ListAsync).WithName("ListAshbyUsers").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The connection's Ashby users from the mirror, deactivated ones included: each with email, globalRole, isEnabled and hiringTeams (job and application level, with the role); q searches email and name, enabled=true keeps enabled users only");
        reads.MapGet("/users/export", ExportAsync).WithName("ExportAshbyUsers").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The connection's Ashby users as CSV (format=csv, the default) or JSON (format=json), following the same q; audited");
        reads.MapGet("/users/changes", ChangesAsync).WithName("ListAshbyUserChanges").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What changed about the connection's Ashby users since a date (since, ISO 8601): new users, role changes, deactivations and reactivations, email and name changes, users gone");
        reads.MapGet("/users/review", ReviewAsync).WithName("ReviewAshbyAccess").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The access review: enabled users no active person has the email of, people offboarded here still enabled in Ashby, Organization Admins and Elevated Access, users on no hiring team and idle");
        reads.MapGet("/users/review/export", ExportReviewAsync).WithName("ExportAshbyAccessReview").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The access review's findings as CSV (format=csv, the default) or JSON (format=json); audited");
        reads.MapGet("/hiring-teams/roles", ChoicesAsync).WithName("ListHiringTeamRoles").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The hiring team roles (hiringTeamRole.list, from the mirror) and, before anyone tries, why jobs or applications cannot be changed with the connection's key");

        var writes = routes.MapGroup("/api/connections/{name}/hiring-teams").WithTags("Users").RequireAuthorization(AccessPolicies.Operate);
        writes.MapPost("", AddAsync).WithName("AddHiringTeamMember")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Adds an Ashby user (by email) to a job's or an application's hiring team with a role; checked first (permission, user enabled, job open and not confidential, role), audited, the mirror re-read");
        writes.MapPost("/remove", RemoveAsync).WithName("RemoveHiringTeamMember")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Removes an Ashby user's role from a job's or an application's hiring team (deactivated users too); audited, the mirror re-read");

        var admin = routes.MapGroup("/api/connections/{name}/users/review/email").WithTags("Users").RequireAuthorization(AccessPolicies.HubAdmin);
        admin.MapGet("", EmailSettingsAsync).WithName("GetAccessReviewEmail").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The weekly access review e-mail: whether it goes, to whom, when it last went");
        admin.MapPut("", SaveEmailSettingsAsync).WithName("SetAccessReviewEmail").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Turns the weekly access review e-mail on or off and sets its recipients (sent through the hub's SMTP settings, as other notices); audited");
        admin.MapPost("/send", SendEmailAsync).WithName("SendAccessReviewEmail").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Posts the access review notice now and e-mails it to the recipients; the next weekly one covers changes from here");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<DirectoryUser>>, ProblemHttpResult>> ListAsync(
        string name, string? q, bool? enabled, ClaimsPrincipal principal, ConnectionAccess access, AshbyUserDirectory directory, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        return TypedResults.Ok(await directory.SearchAsync(c.Id, q, enabled ?? false, cancellationToken: ct));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(
        string name, string? format, string? q, HttpContext http, ClaimsPrincipal principal, ConnectionAccess access, AshbyUserDirectory directory, AuditLog audit, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        if (!TryFormat(format, out var csv, out var problem)) return problem!;
        var users = await directory.SearchAsync(c.Id, q, limit: int.MaxValue, cancellationToken: ct);
        var filter = string.IsNullOrWhiteSpace(q) ? "" : $" matching “{q.Trim()}”";
        await audit.WriteAsync(principal.Actor(), "users.export", $"{c.Name} {(csv ? "csv" : "json")}", $"{users.Count} Ashby users{filter}", ct);
        Attachment(http, $"ashby-users-{c.Name}", csv);
        if (csv)
        {
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
            await UserDirectoryExport.WriteCsvAsync(users, writer, ct);
        }
        else
        {
            await UserDirectoryExport.WriteJsonAsync(users, http.Response.Body, ct);
        }

        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<IReadOnlyList<UserChange>>, ProblemHttpResult>> ChangesAsync(
        string name, string? since, ClaimsPrincipal principal, ConnectionAccess access, AshbyUserDirectory directory, CancellationToken ct)
    {
        // The connection first: a token limited to another one must not learn more than "no such connection".
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        if (!DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var from))
        {
            return BadRequest($"Give since as an ISO 8601 date or time, e.g. since=2026-11-01 (got “{since}”).");
        }

        return TypedResults.Ok(await directory.ChangesSinceAsync(c.Id, from, ct));
    }

    private static async Task<Results<Ok<AccessReviewReport>, ProblemHttpResult>> ReviewAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, AccessReview review, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        return TypedResults.Ok(await review.ReviewAsync(c.Id, ct));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportReviewAsync(
        string name, string? format, HttpContext http, ClaimsPrincipal principal, ConnectionAccess access, AccessReview review, AuditLog audit, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        if (!TryFormat(format, out var csv, out var problem)) return problem!;
        var report = await review.ReviewAsync(c.Id, ct);
        await audit.WriteAsync(principal.Actor(), "users.review-export", $"{c.Name} {(csv ? "csv" : "json")}", $"{report.Findings.Count} findings", ct);
        Attachment(http, $"ashby-access-review-{c.Name}", csv);
        if (csv)
        {
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
            await UserDirectoryExport.WriteCsvAsync(report, writer, ct);
        }
        else
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(http.Response.Body, report, UserDirectoryExport.JsonOptions, ct);
        }

        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<HiringTeamChoices>, ProblemHttpResult>> ChoicesAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, HiringTeamWrites writes, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        return TypedResults.Ok(await writes.ChoicesAsync(c.Id, ct));
    }

    private static Task<Results<Ok<HiringTeamAnswer>, ProblemHttpResult>> AddAsync(
        string name, HiringTeamRequest? request, ClaimsPrincipal principal, ConnectionAccess access, HiringTeamWrites writes, CancellationToken ct) =>
        ChangeAsync(name, request, principal, access, writes, add: true, ct);

    private static Task<Results<Ok<HiringTeamAnswer>, ProblemHttpResult>> RemoveAsync(
        string name, HiringTeamRequest? request, ClaimsPrincipal principal, ConnectionAccess access, HiringTeamWrites writes, CancellationToken ct) =>
        ChangeAsync(name, request, principal, access, writes, add: false, ct);

    private static async Task<Results<Ok<HiringTeamAnswer>, ProblemHttpResult>> ChangeAsync(
        string name, HiringTeamRequest? request, ClaimsPrincipal principal, ConnectionAccess access, HiringTeamWrites writes, bool add, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        if (request is null) return BadRequest("Send { \"jobId\" or \"applicationId\", \"userEmail\", \"roleId\" } as JSON.");
        var target = new HiringTeamTarget(request.JobId, request.ApplicationId, request.UserEmail, request.RoleId);
        var outcome = add ? await writes.AddAsync(c.Id, target, principal.Actor(), ct) : await writes.RemoveAsync(c.Id, target, principal.Actor(), ct);
        if (outcome.Succeeded) return TypedResults.Ok(new HiringTeamAnswer(outcome.User, outcome.Role, outcome.MirrorRefreshed));
        var refusal = outcome.Refusal;
        var status = refusal.Kind switch
        {
            HiringTeamRefusalKind.Invalid => StatusCodes.Status400BadRequest,
            HiringTeamRefusalKind.AshbyRefused => StatusCodes.Status502BadGateway,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return TypedResults.Problem(refusal.Message, statusCode: status, title: add ? "The user was not added to the hiring team" : "The user was not removed from the hiring team",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(refusal.Kind.ToString()) });
    }

    private static async Task<Results<Ok<AccessReviewEmail>, ProblemHttpResult>> EmailSettingsAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, AccessReviewDigest digest, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        return TypedResults.Ok(await digest.SettingsAsync(c.Id, ct));
    }

    private static async Task<Results<Ok<AccessReviewEmail>, ProblemHttpResult>> SaveEmailSettingsAsync(
        string name, ReviewEmailRequest? request, ClaimsPrincipal principal, ConnectionAccess access, AccessReviewDigest digest, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        if (request?.Weekly is not { } weekly) return BadRequest("Send { \"weekly\": true or false, \"recipients\": [\"it@example.com\"] } as JSON.");
        try
        {
            return TypedResults.Ok(await digest.SaveAsync(c.Id, weekly, request.Recipients ?? [], principal.Actor(), ct));
        }
        catch (ArgumentException ex)
        {
            return BadRequest(ex.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static async Task<Results<Ok<Core.Notices.Notice>, ProblemHttpResult>> SendEmailAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, AccessReviewDigest digest, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        return TypedResults.Ok(await digest.SendAsync(c.Id, ct));
    }

    private static bool TryFormat(string? format, out bool csv, out ProblemHttpResult? problem)
    {
        csv = format is null || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        problem = csv || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? null
            : TypedResults.Problem($"Unknown format '{format}': use csv or json.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown export format");
        return problem is null;
    }

    private static void Attachment(HttpContext http, string file, bool csv)
    {
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}.{(csv ? "csv" : "json")}\"";
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request was not accepted");
}
