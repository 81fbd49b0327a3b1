using System.Security.Claims;
using Ashbridge.Core.Notices;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>
/// The hub's notices over JSON (import finished, import failed, data stale): list them newest first, and mark one or all
/// read. A token limited to one connection sees and marks that connection's notices only.
/// </summary>
public static class NoticesApi
{
    /// <summary>What <c>GET /api/notices</c> answers: how many are unread, whether they are e-mailed too, and the notices.</summary>
    public sealed record NoticeList(long Unread, bool EmailConfigured, IReadOnlyList<Notice> Notices);

    /// <summary>What the read endpoints answer: how many notices were marked read.</summary>
    public sealed record MarkedRead(int Marked);

    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup("/api/notices").WithTags("Notices").RequireAuthorization(AccessPolicies.Read);
        read.MapGet("", ListAsync).WithName("ListNotices")
            .WithSummary($"The notices (import finished, import failed, data stale), newest first: only unread ones with unread=true; at most limit (default 100, up to {NoticeBoard.MaxListed})");

        var change = routes.MapGroup("/api/notices").WithTags("Notices").RequireAuthorization(AccessPolicies.Operate);
        change.MapPost("/{id:long}/read", MarkReadAsync).WithName("MarkNoticeRead").WithSummary("Marks one notice read (for everyone: read or unread is the hub's, not each person's)");
        change.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllNoticesRead").WithSummary("Marks every unread notice the caller may see read");
        return routes;
    }

    private static async Task<Results<Ok<NoticeList>, ProblemHttpResult>> ListAsync(
        bool? unread, int? limit, ClaimsPrincipal principal, NoticeBoard board, NoticeMailer mailer, HttpResponse response, CancellationToken ct)
    {
        if (limit is < 1 or > NoticeBoard.MaxListed)
        {
            return TypedResults.Problem($"limit must be between 1 and {NoticeBoard.MaxListed}.", statusCode: StatusCodes.Status400BadRequest, title: "The request was not accepted");
        }

        response.Headers.CacheControl = "no-store";
        var visible = ConnectionAccess.VisibleIds(principal);
        var notices = await board.ListAsync(visible, unread ?? false, limit ?? 100, ct);
        return TypedResults.Ok(new NoticeList(await board.CountUnreadAsync(visible, ct), mailer.IsConfigured, notices));
    }

    private static async Task<Results<Ok<MarkedRead>, ProblemHttpResult>> MarkReadAsync(long id, ClaimsPrincipal principal, NoticeBoard board, CancellationToken ct) =>
        await board.MarkReadAsync(id, ConnectionAccess.VisibleIds(principal), ct)
            ? TypedResults.Ok(new MarkedRead(1))
            : TypedResults.Problem($"There is no notice {id}.", statusCode: StatusCodes.Status404NotFound, title: "No such notice");

    private static async Task<Ok<MarkedRead>> MarkAllReadAsync(ClaimsPrincipal principal, NoticeBoard board, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await board.MarkAllReadAsync(ConnectionAccess.VisibleIds(principal), ct)));
}
