using System.ComponentModel;
using System.Security.Claims;
using Ashbridge.Core.Dedupe;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// The duplicate check over JSON: is this prospect already a candidate of the connection? Answers from the mirror's
/// index in milliseconds, every match with a score and its reasons. Merge, upload and batch come later.
/// </summary>
public static class DedupeApi
{
    /// <summary>What <c>POST …/dedupe/check</c> takes: the prospect, and the region its phones without a country code are read in.</summary>
    public sealed record CheckRequest(
        string? FirstName,
        string? LastName,
        IReadOnlyList<string>? Emails,
        IReadOnlyList<string>? Phones,
        [property: Description("LinkedIn, GitHub or website addresses, with or without https://")] IReadOnlyList<string>? Urls,
        string? Company,
        [property: Description("two-letter region for phones without a country code; US when not given")] string? DefaultRegion);

    /// <summary>What the check answers: the candidates the prospect may be, strongest first.</summary>
    public sealed record CheckAnswer(IReadOnlyList<DuplicateMatch> Matches);

    public static IEndpointRouteBuilder MapDedupeApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/connections/{name}/dedupe").WithTags("Dedupe").RequireAuthorization(AccessPolicies.Read);
        api.MapPost("/check", CheckAsync).WithName("CheckDuplicates")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("The connection's candidates a prospect may already be, from the mirror: each with a score (0 to 100) and its reasons, strongest first; a merged candidate answers as the one it was merged into");
        return routes;
    }

    private static async Task<Results<Ok<CheckAnswer>, ProblemHttpResult>> CheckAsync(
        string name, CheckRequest request, ClaimsPrincipal principal, ConnectionAccess access, DuplicateCheck check, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        var r = request;
        try
        {
            var matches = await check.CheckAsync(c.Id, new DuplicateProspect(r.FirstName, r.LastName, r.Emails, r.Phones, r.Urls, r.Company), r.DefaultRegion ?? PhoneKey.DefaultRegion, ct);
            return TypedResults.Ok(new CheckAnswer(matches));
        }
        catch (DuplicateCheckInvalidException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The prospect cannot be checked as given",
                extensions: new Dictionary<string, object?> { ["problems"] = ex.Problems });
        }
    }
}
