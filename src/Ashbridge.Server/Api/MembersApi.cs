using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Members;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// The people directory over JSON: list and search (every shown column), read, export as CSV or JSON (following the same
/// search), edit, offboard and reinstate. Salary and compensation are shown to admins and finance only.
/// </summary>
public static class MembersApi
{
    /// <summary>What <c>PATCH /api/members/{id}</c> takes: a field left out stays as it is, an empty one clears an optional field.</summary>
    public sealed record MemberPatch(
        string? FirstName = null, string? LastName = null, string? PersonalEmail = null, string? PersonalPhone = null, string? StartDate = null,
        string? JobTitle = null, string? Department = null, string? PlaceOfWork = null);

    /// <summary>What <c>POST /api/members/{id}/offboard</c> takes: the member's last day.</summary>
    public sealed record OffboardRequest(string? LastDay);

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder routes)
    {
        var members = routes.MapGroup("/api/members").WithTags("Members").RequireAuthorization(AccessPolicies.Read);
        members.MapGet("", ListAsync).WithName("ListMembers")
            .WithSummary("Members, searched in every shown column (q), filtered by status (active, offboarded, all), sorted (sort, desc) and paged (page, pageSize; X-Total-Count says how many match)");
        members.MapGet("/export", ExportAsync).WithName("ExportMembers")
            .WithSummary("The visible members as CSV (format=csv, the default) or JSON (format=json), following the same q, status, sort and desc as the list");
        members.MapGet("/{id:long}", GetAsync).WithName("GetMember").WithSummary("One member");

        var changes = routes.MapGroup("/api/members").WithTags("Members").RequireAuthorization(AccessPolicies.Operate);
        changes.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateMember").WithSummary("Edits a member's fields (compensation comes from the offer and is not edited); audited and sent outward as member.updated");
        changes.MapPost("/{id:long}/offboard", OffboardAsync).WithName("OffboardMember").WithSummary("Offboards a member from their last day; audited and sent outward as member.offboarded");
        changes.MapPost("/{id:long}/reinstate", ReinstateAsync).WithName("ReinstateMember").WithSummary("Reinstates an offboarded member; audited and sent outward as member.reinstated");
        return routes;
    }

    /// <summary>Reads the list's query string into a <see cref="MemberQuery"/>, or says what is wrong with it.</summary>
    internal static bool TryQuery(string? q, string? status, string? sort, bool? desc, int? page, int? pageSize, ClaimsPrincipal principal, out MemberQuery query, out string? problem)
    {
        query = new MemberQuery();
        problem = null;
        var parsedStatus = MemberStatus.All;
        var parsedSort = MemberSort.Name;
        if (status is { Length: > 0 } && !TryName(status, out parsedStatus))
        {
            problem = $"Unknown status '{status}': use active, offboarded or all.";
            return false;
        }

        if (sort is { Length: > 0 } && !TryName(sort, out parsedSort))
        {
            problem = $"Unknown sort '{sort}': use one of {string.Join(", ", Enum.GetNames<MemberSort>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.";
            return false;
        }

        if (pageSize is < 1 or > MemberQuery.MaxPageSize)
        {
            problem = $"pageSize must be between 1 and {MemberQuery.MaxPageSize}.";
            return false;
        }

        query = new MemberQuery(q, parsedStatus, parsedSort, desc ?? false, Math.Max(1, page ?? 1), pageSize ?? MemberQuery.MaxPageSize, ConnectionAccess.VisibleIds(principal));
        return true;
    }

    /// <summary>An enum by its name, ignoring case, underscores and dashes (jobTitle, job_title, job-title); never by number.</summary>
    internal static bool TryName<T>(string text, out T value) where T : struct, Enum
    {
        var plain = text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var name in Enum.GetNames<T>())
        {
            if (string.Equals(name, plain, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<T>(name);
                return true;
            }
        }

        value = default;
        return false;
    }

    private static async Task<Results<Ok<IReadOnlyList<Member>>, ProblemHttpResult>> ListAsync(
        string? q, string? status, string? sort, bool? desc, int? page, int? pageSize, HttpContext http, ClaimsPrincipal principal, MemberDirectory directory, CancellationToken ct)
    {
        if (!TryQuery(q, status, sort, desc, page, pageSize, principal, out var query, out var problem)) return BadRequest(problem!);
        var found = await directory.FindAsync(query, ct);
        http.Response.Headers["X-Total-Count"] = found.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(Shown(principal, found.Members));
    }

    private static async Task<Results<Ok<Member>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal principal, MemberDirectory directory, CancellationToken ct)
    {
        var member = await directory.GetAsync(id, ct);
        if (member is null || (ConnectionAccess.VisibleIds(principal) is { } visible && !visible.Contains(member.ConnectionId ?? -1))) return NoSuchMember(id);
        return TypedResults.Ok(principal.MaySeeCompensation() ? member : member.WithoutCompensation());
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(
        string? format, string? q, string? status, string? sort, bool? desc, HttpContext http, ClaimsPrincipal principal, MemberDirectory directory, AuditLog audit, CancellationToken ct)
    {
        var csv = format is null || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"Unknown format '{format}': use csv or json.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown export format");
        }

        if (!TryQuery(q, status, sort, desc, 1, 1, principal, out var query, out var problem)) return BadRequest(problem!);
        var list = Shown(principal, await directory.AllAsync(query, ct));
        var filter = string.IsNullOrWhiteSpace(q) ? "" : $" matching “{q.Trim()}”";
        await audit.WriteAsync(principal.Actor(), "members.export", csv ? "csv" : "json", $"{list.Count} members{filter}", ct);
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"members.{(csv ? "csv" : "json")}\"";
        if (csv)
        {
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
            await MemberExport.WriteCsvAsync(list, writer, ct);
        }
        else
        {
            await MemberExport.WriteJsonAsync(list, http.Response.Body, ct);
        }

        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<Member>, ProblemHttpResult>> UpdateAsync(long id, MemberPatch? patch, ClaimsPrincipal principal, MemberLifecycle lifecycle, CancellationToken ct)
    {
        if (patch is null) return BadRequest("Send the fields to change as JSON, e.g. {\"jobTitle\": \"Staff Engineer\"}.");
        try
        {
            var change = new MemberChange(patch.FirstName, patch.LastName, patch.PersonalEmail, patch.PersonalPhone, patch.StartDate, patch.JobTitle, patch.Department, patch.PlaceOfWork);
            return await lifecycle.UpdateAsync(id, change, principal.Actor(), ConnectionAccess.VisibleIds(principal), ct) is { } member ? TypedResults.Ok(Shown(principal, member)) : NoSuchMember(id);
        }
        catch (MemberInvalidException ex)
        {
            return Refused(ex, "The member was not changed");
        }
    }

    private static async Task<Results<Ok<Member>, ProblemHttpResult>> OffboardAsync(long id, OffboardRequest? request, ClaimsPrincipal principal, MemberLifecycle lifecycle, CancellationToken ct)
    {
        try
        {
            return await lifecycle.OffboardAsync(id, request?.LastDay, principal.Actor(), ConnectionAccess.VisibleIds(principal), ct) is { } member ? TypedResults.Ok(Shown(principal, member)) : NoSuchMember(id);
        }
        catch (MemberInvalidException ex)
        {
            return Refused(ex, "The member was not offboarded");
        }
    }

    private static async Task<Results<Ok<Member>, ProblemHttpResult>> ReinstateAsync(long id, ClaimsPrincipal principal, MemberLifecycle lifecycle, CancellationToken ct)
    {
        try
        {
            return await lifecycle.ReinstateAsync(id, principal.Actor(), ConnectionAccess.VisibleIds(principal), ct) is { } member ? TypedResults.Ok(Shown(principal, member)) : NoSuchMember(id);
        }
        catch (MemberInvalidException ex)
        {
            return Refused(ex, "The member was not reinstated");
        }
    }

    private static Member Shown(ClaimsPrincipal principal, Member member) => principal.MaySeeCompensation() ? member : member.WithoutCompensation();

    private static IReadOnlyList<Member> Shown(ClaimsPrincipal principal, IReadOnlyList<Member> members) =>
        principal.MaySeeCompensation() ? members : [.. members.Select(m => m.WithoutCompensation())];

    private static ProblemHttpResult Refused(MemberInvalidException ex, string title) => TypedResults.Problem(
        ex.Message, statusCode: StatusCodes.Status400BadRequest, title: title,
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = ex.Problems });

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request was not accepted");

    private static ProblemHttpResult NoSuchMember(long id) => TypedResults.Problem($"There is no member {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such member");
}
