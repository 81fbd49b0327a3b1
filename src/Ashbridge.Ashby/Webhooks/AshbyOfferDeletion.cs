namespace Ashbridge.Ashby.Webhooks;

/// <summary>The ids of an <c>offerDelete</c> event.</summary>
/// <param name="OfferId">The deleted offer.</param>
/// <param name="ApplicationId">Its application, when sent.</param>
public sealed record AshbyOfferDeletion(string OfferId, string? ApplicationId);
