using System.ComponentModel;
using System.Security.Claims;
using Ashbridge.Core.Dedupe;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// The duplicate check over JSON: is this prospect already a candidate of the connection? Answers from the mirror's
/// index in milliseconds, every match with a score and its reasons. Then merge into a match or upload as new (each
/// confirmed live with Ashby first), the choices those offer, and the connection's dedupe settings.
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
        [property: Description("two-letter region for phones without a country code; the connection's dedupe setting when not given")] string? DefaultRegion);

    /// <summary>What <c>POST …/dedupe/upload</c> takes: the prospect (first name, last name and an email required) and where it goes.</summary>
    public sealed record UploadRequest(
        string? FirstName,
        string? LastName,
        IReadOnlyList<string>? Emails,
        IReadOnlyList<string>? Phones,
        [property: Description("LinkedIn, GitHub or website addresses, with or without https://")] IReadOnlyList<string>? Urls,
        string? Company,
        [property: Description("an open job from GET …/dedupe/choices; the application lands in the job's first Lead stage (New Lead)")] string? JobId,
        string? SourceId,
        string? CreditedToUserId,
        IReadOnlyList<string>? TagIds);

    /// <summary>What <c>POST …/dedupe/merge</c> takes: the candidate to merge into, the prospect's details to add, and optionally tags and a job.</summary>
    public sealed record MergeRequest(
        string? CandidateId,
        string? FirstName,
        string? LastName,
        IReadOnlyList<string>? Emails,
        IReadOnlyList<string>? Phones,
        [property: Description("LinkedIn, GitHub or website addresses, with or without https://")] IReadOnlyList<string>? Urls,
        string? Company,
        string? JobId,
        IReadOnlyList<string>? TagIds);

    /// <summary>What a merge or upload did: the candidate written, the application made (with a job) and what changed, one sentence each.</summary>
    public sealed record WriteAnswer(string CandidateId, string? ApplicationId, IReadOnlyList<string> Changes);

    /// <summary>What <c>PUT …/dedupe/settings</c> takes.</summary>
    public sealed record SettingsRequest(
        [property: Description("two-letter region for phones without a country code (US, GB, DE…)")] string? DefaultRegion,
        [property: Description("whether confidential jobs are offered to apply prospects to")] bool? OfferConfidentialJobs);

    /// <summary>What the check answers: the candidates the prospect may be, strongest first.</summary>
    public sealed record CheckAnswer(IReadOnlyList<DuplicateMatch> Matches);

    public static IEndpointRouteBuilder MapDedupeApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/connections/{name}/dedupe").WithTags("Dedupe").RequireAuthorization(AccessPolicies.Read);
        api.MapPost("/check", CheckAsync).WithName("CheckDuplicates")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("The connection's candidates a prospect may already be, from the mirror: each with a score (0 to 100) and its reasons, strongest first; a merged candidate answers as the one it was merged into");
        api.MapGet("/choices", ChoicesAsync).WithName("DedupeChoices").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What a merge or upload may choose: the jobs offered (open; confidential ones only if the settings offer them), sources, users, the permissions the key lacks for writing, and the default region");
        api.MapPost("/upload", UploadAsync).RequireAuthorization(AccessPolicies.Operate).WithName("UploadProspect")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Adds the prospect to Ashby as a new candidate (and applies it to the job given, as New Lead), after confirming live that Ashby has none of its emails (409 names the candidate it has)");
        api.MapPost("/merge", MergeAsync).RequireAuthorization(AccessPolicies.Operate).WithName("MergeProspect")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Adds the prospect's emails, phone and links the candidate lacks (keeping what it has), tags, and optionally applies it to a job; the candidate is confirmed live first, and one merged away is followed to the survivor");
        api.MapGet("/settings", SettingsAsync).WithName("DedupeSettings").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The connection's dedupe settings: default phone region, and whether confidential jobs are offered");
        api.MapPut("/settings", SaveSettingsAsync).RequireAuthorization(AccessPolicies.HubAdmin).WithName("SaveDedupeSettings")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Changes the connection's dedupe settings (fields left out keep their value)");
        return routes;
    }

    private static async Task<Results<Ok<CheckAnswer>, ProblemHttpResult>> CheckAsync(
        string name, CheckRequest request, ClaimsPrincipal principal, ConnectionAccess access, DuplicateCheck check, DedupeSettingsStore settings, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        var r = request;
        try
        {
            var region = r.DefaultRegion ?? (await settings.FindAsync(c.Id, ct)).DefaultRegion;
            var matches = await check.CheckAsync(c.Id, new DuplicateProspect(r.FirstName, r.LastName, r.Emails, r.Phones, r.Urls, r.Company), region, ct);
            return TypedResults.Ok(new CheckAnswer(matches));
        }
        catch (DuplicateCheckInvalidException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The prospect cannot be checked as given",
                extensions: new Dictionary<string, object?> { ["problems"] = ex.Problems });
        }
    }

    private static async Task<Results<Ok<UploadChoices>, ProblemHttpResult>> ChoicesAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, ProspectWrites writes, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        return TypedResults.Ok(await writes.ChoicesAsync(c.Id, ct));
    }

    private static async Task<Results<Created<WriteAnswer>, ProblemHttpResult>> UploadAsync(
        string name, UploadRequest request, ClaimsPrincipal principal, ConnectionAccess access, ProspectWrites writes, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        var r = request;
        var outcome = await writes.UploadAsync(c.Id, new ProspectUpload(
            new DuplicateProspect(r.FirstName, r.LastName, r.Emails, r.Phones, r.Urls, r.Company), r.JobId, r.SourceId, r.CreditedToUserId, r.TagIds, principal.Actor()), ct);
        if (!outcome.Succeeded) return ProspectWriteProblems.Problem(outcome);
        return TypedResults.Created((string?)null, new WriteAnswer(outcome.CandidateId, outcome.ApplicationId, outcome.Changes));
    }

    private static async Task<Results<Ok<WriteAnswer>, ProblemHttpResult>> MergeAsync(
        string name, MergeRequest request, ClaimsPrincipal principal, ConnectionAccess access, ProspectWrites writes, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        var r = request;
        var outcome = await writes.MergeAsync(c.Id, new ProspectMerge(
            r.CandidateId ?? "", new DuplicateProspect(r.FirstName, r.LastName, r.Emails, r.Phones, r.Urls, r.Company), r.JobId, r.TagIds, principal.Actor()), ct);
        if (!outcome.Succeeded) return ProspectWriteProblems.Problem(outcome);
        return TypedResults.Ok(new WriteAnswer(outcome.CandidateId, outcome.ApplicationId, outcome.Changes));
    }

    private static async Task<Results<Ok<DedupeSettings>, ProblemHttpResult>> SettingsAsync(
        string name, ClaimsPrincipal principal, ConnectionAccess access, DedupeSettingsStore settings, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        return TypedResults.Ok(await settings.FindAsync(c.Id, ct));
    }

    private static async Task<Results<Ok<DedupeSettings>, ProblemHttpResult>> SaveSettingsAsync(
        string name, SettingsRequest request, ClaimsPrincipal principal, ConnectionAccess access, DedupeSettingsStore settings, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(principal, name, ct) is not { } c) return ConnectionRefusals.NoSuchConnection(name);
        var current = await settings.FindAsync(c.Id, ct);
        var wanted = new DedupeSettings(request.DefaultRegion?.Trim() ?? current.DefaultRegion, request.OfferConfidentialJobs ?? current.OfferConfidentialJobs);
        try
        {
            return TypedResults.Ok(await settings.SaveAsync(c.Id, wanted, principal.Actor(), ct));
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message.Split(" (Parameter", 2)[0], statusCode: StatusCodes.Status422UnprocessableEntity, title: "The settings cannot be saved as given");
        }
    }
}
