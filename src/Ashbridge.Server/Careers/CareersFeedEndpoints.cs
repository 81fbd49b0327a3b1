using Ashbridge.Core.Careers;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Ashbridge.Server.Careers;

/// <summary>
/// The public careers feed as JSON, <c>GET /careers/{connection}.json</c>: open to anyone (a company website calls it
/// without a key, from any origin), off unless an admin turns it on, cacheable (an ETag, <c>If-None-Match</c> answered
/// 304, five minutes of public caching). The embeddable HTML list is the page <c>/careers/{connection}</c>.
/// </summary>
public static class CareersFeedEndpoints
{
    /// <summary>How long browsers and proxies may keep an answer without asking again.</summary>
    public const string CacheControl = "public, max-age=300";

    /// <summary>What the JSON feed answers.</summary>
    public sealed record CareersFeedJson(string Connection, IReadOnlyList<CareersRole> Roles);

    public static IEndpointRouteBuilder MapCareersFeed(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/careers/{connection}.json", GetAsync)
            .AllowAnonymous() // public on purpose: the feed shows what the company's job board shows, and only when an admin turned it on
            .WithMetadata(new EmbeddableAnywhereAttribute())
            .WithName("GetCareersFeed").WithTags("Careers")
            .WithSummary("A connection's listed open roles for its public website (no key needed; 404 unless the connection's public feed is on). Sends an ETag; If-None-Match answers 304");
        return routes;
    }

    private static async Task<Results<Ok<CareersFeedJson>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string connection, HttpRequest request, HttpResponse response, CareersFeed feed, CancellationToken ct)
    {
        if (await feed.FindAsync(connection, ct) is not { } content) return NotFound();
        // Any website may read it from a script: it is public by the admin's choice, and carries no credentials.
        response.Headers.AccessControlAllowOrigin = "*";
        if (!IsFresh(request, response, content.ETag)) return TypedResults.Ok(new CareersFeedJson(content.Connection, content.Roles));
        return TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    /// <summary>Sets the caching headers; whether the caller's copy (<c>If-None-Match</c>) is still good, so 304 is the answer.</summary>
    internal static bool IsFresh(HttpRequest request, HttpResponse response, string etag)
    {
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        var tags = request.GetTypedHeaders().IfNoneMatch;
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
    }

    /// <summary>One answer for an unknown connection and a feed that is off, so strangers cannot tell which.</summary>
    internal static ProblemHttpResult NotFound() =>
        TypedResults.Problem("There is no public careers feed here.", statusCode: StatusCodes.Status404NotFound, title: "No careers feed");
}
