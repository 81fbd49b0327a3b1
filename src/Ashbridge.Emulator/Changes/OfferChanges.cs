using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>The control API's hire: an accepted offer, then the move to the Hired stage.</summary>
internal static class OfferChanges
{
    /// <summary>
    /// Hires through an application: its latest offer is accepted with the given start date and salary (a new offer is
    /// created when it has none) — <c>offerCreate</c> or <c>offerUpdate</c> — then the application moves to the plan's
    /// Hired stage — <c>candidateHire</c> + <c>applicationUpdate</c> + <c>candidateStageChange</c>.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<WebhookEvent>> Hire(
        Organization org, long now, Application a, long startMs, double salary, string currency, CustomFieldValue[]? offerFields = null)
    {
        var offerEvent = Accept(org, now, a, startMs, salary, currency, offerFields);
        var hire = ApplicationChanges.ChangeStage(org, now, a, a.Stage.Plan.FirstOf(StageType.Hired), null);
        return [[offerEvent], hire];
    }

    /// <summary>
    /// Accepts the application's latest offer with a new version (creating the offer when it has none), without moving
    /// the application: <c>offerCreate</c> or <c>offerUpdate</c>.
    /// </summary>
    public static WebhookEvent Accept(Organization org, long now, Application a, long startMs, double salary, string currency, CustomFieldValue[]? offerFields = null)
    {
        var offer = org.Offers.LastOrDefault(o => !o.Deleted && o.Application == a);
        var created = offer is null;
        if (offer is null)
        {
            offer = new Offer { Id = org.NewId(), Application = a, AcceptanceStatus = "Accepted", OfferStatus = "CandidateAccepted", CreatedMs = now, UpdatedMs = now };
            org.Offers.Add(offer);
            org.OffersById[offer.Id] = offer;
        }

        offer.AcceptanceStatus = "Accepted";
        offer.OfferStatus = "CandidateAccepted";
        offer.DecidedMs = now;
        offer.Versions.Add(new OfferVersion
        {
            Id = org.NewId(), CreatedMs = now, StartMs = startMs, Salary = salary, Currency = currency, ApprovalStatus = "Approved",
            Opening = a.Job.Openings.FirstOrDefault(o => !o.Deleted), Author = a.Job.HiringTeam.FirstOrDefault()?.User, CustomFields = offerFields ?? [],
        });
        org.Touch(offer, now);
        return WebhookPayloads.Offer(created ? "offerCreate" : "offerUpdate", offer);
    }

    /// <summary>Moves the application to Hired with no offer at all (Ashby allows it): <c>candidateHire</c> + <c>applicationUpdate</c> + <c>candidateStageChange</c>.</summary>
    public static IReadOnlyList<IReadOnlyList<WebhookEvent>> HireWithoutOffer(Organization org, long now, Application a) =>
        [ApplicationChanges.ChangeStage(org, now, a, a.Stage.Plan.FirstOf(StageType.Hired), null)];

    /// <summary>A new version of an offer (start date, salary, currency; the rest as before): <c>offerUpdate</c>.</summary>
    public static WebhookEvent Revise(Organization org, long now, Offer offer, long? startMs, double? salary, string? currency)
    {
        var latest = offer.Latest;
        offer.Versions.Add(new OfferVersion
        {
            Id = org.NewId(), CreatedMs = now, StartMs = startMs ?? latest.StartMs, Salary = salary ?? latest.Salary, Currency = currency ?? latest.Currency,
            ApprovalStatus = latest.ApprovalStatus, Opening = latest.Opening, Author = latest.Author, CustomFields = latest.CustomFields,
        });
        org.Touch(offer, now);
        return WebhookPayloads.Offer("offerUpdate", offer);
    }
}
