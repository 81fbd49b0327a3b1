using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary><c>offer.list</c> and <c>offer.info</c>.</summary>
internal static class OfferEndpoints
{
    public static readonly string[] AcceptanceStatuses = ["Accepted", "Declined", "Pending", "Created", "Cancelled", "WaitingOnResponse"];
    public static readonly string[] OfferStatuses =
        ["WaitingOnApprovalStart", "WaitingOnOfferApproval", "WaitingOnApprovalDefinition", "WaitingOnCandidateResponse", "CandidateRejected", "CandidateAccepted", "OfferCancelled"];
    private static readonly string[] ApprovalStatuses = ["Approved", "WaitingOnApprovals", "Declined"];

    public static void Register(EndpointTable table) => table
        .Read("offer.list", Permissions.OffersRead, List)
        .Read("offer.info", Permissions.OffersRead, Info);

    private static void List(AshbyCall call)
    {
        if (!call.CreatedRange(out var after, out _) || !call.OptionalGuid("applicationId", out var applicationId)) return;
        if (!call.OptionalStringArray("offerStatus", out var offerStatus, OfferStatuses)) return;
        if (!call.OptionalStringArray("acceptanceStatus", out var acceptance, AcceptanceStatuses)) return;
        if (!call.OptionalStringArray("approvalStatus", out var approval, ApprovalStatuses)) return;
        Pager.List(
            call,
            call.Org.Offers,
            (o, _) => call.CanSee(o) && o.CreatedMs > after && (applicationId is null || o.Application.Id == applicationId)
                && (offerStatus is not { Length: > 0 } || offerStatus.Contains(o.OfferStatus))
                && (acceptance is not { Length: > 0 } || acceptance.Contains(o.AcceptanceStatus))
                && (approval is not { Length: > 0 } || (o.Latest.ApprovalStatus is { } s && approval.Contains(s))),
            (w, o) => OfferJson.Offer(w, o));
    }

    private static void Info(AshbyCall call)
    {
        if (!call.RequiredGuid("offerId", out var id) || !call.OptionalBool("excludeFormDefinition", out _)) return;
        if (call.Org.FindOffer(id) is not { } o || !call.CanSee(o)) call.NotFound(ErrorCodes.OfferNotFound, "Offer", id);
        else call.Success(w => OfferJson.Offer(w, o, withVersions: true));
    }
}
