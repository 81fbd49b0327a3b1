using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>
/// Offer changes: the control API's hire (an accepted offer, then the move to the Hired stage) and revision, and the API's
/// offer process (create, update, approval), approval definitions and survey submissions.
/// </summary>
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

        // An offer already made keeps its opening, author and custom fields (the given fields replace theirs).
        var prior = created ? null : offer.Latest;
        var fields = prior?.CustomFields.Where(v => offerFields is null || !Array.Exists(offerFields, f => f.Field == v.Field)) ?? [];
        offer.AcceptanceStatus = "Accepted";
        offer.OfferStatus = "CandidateAccepted";
        offer.DecidedMs = now;
        offer.Versions.Add(new OfferVersion
        {
            Id = org.NewId(), CreatedMs = now, StartMs = startMs, Salary = salary, Currency = currency, ApprovalStatus = "Approved",
            Opening = prior is null ? a.Job.Openings.FirstOrDefault(o => !o.Deleted) : prior.Opening, Author = prior?.Author ?? a.Job.HiringTeam.FirstOrDefault()?.User,
            CustomFields = [.. fields, .. offerFields ?? []],
        });
        org.Touch(offer, now);
        return WebhookPayloads.Offer(org, created ? "offerCreate" : "offerUpdate", offer);
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
        return WebhookPayloads.Offer(org, "offerUpdate", offer);
    }

    /// <summary>An offer is decided once the candidate accepted or declined it, or it was cancelled.</summary>
    public static bool IsDecided(Offer o) => o.AcceptanceStatus is "Accepted" or "Declined" or "Cancelled";

    /// <summary>
    /// <c>offer.create</c>: the process's offer gets the submitted version (a new offer when the process has none, or when its
    /// offer was decided) and waits for its approval to start — <c>offerCreate</c> or <c>offerUpdate</c>.
    /// </summary>
    public static WebhookEvent Submit(Organization org, long now, OfferProcess process, OfferVersion version)
    {
        var offer = process.Offer;
        var created = offer is null || IsDecided(offer);
        if (created)
        {
            offer = new Offer { Id = org.NewId(), Application = process.Application, AcceptanceStatus = "Created", OfferStatus = "WaitingOnApprovalStart", CreatedMs = now, UpdatedMs = now };
            org.Offers.Add(offer);
            org.OffersById[offer.Id] = offer;
            process.Offer = offer;
        }

        AddVersion(org, now, offer!, version, resetApproval: true);
        return WebhookPayloads.Offer(org, created ? "offerCreate" : "offerUpdate", offer!);
    }

    /// <summary>
    /// <c>offer.update</c>: a new version; an undecided offer's approval starts over (Ashby "retriggers any necessary
    /// approval steps"), a decided one keeps its statuses — <c>offerUpdate</c>.
    /// </summary>
    public static WebhookEvent Update(Organization org, long now, Offer offer, OfferVersion version)
    {
        AddVersion(org, now, offer, version, resetApproval: !IsDecided(offer));
        return WebhookPayloads.Offer(org, "offerUpdate", offer);
    }

    private static void AddVersion(Organization org, long now, Offer offer, OfferVersion version, bool resetApproval)
    {
        version.Id = org.NewId();
        version.CreatedMs = now;
        if (resetApproval)
        {
            offer.AcceptanceStatus = "Created";
            offer.OfferStatus = "WaitingOnApprovalStart";
            version.ApprovalStatus = null;
        }
        else
        {
            version.ApprovalStatus = offer.Latest.ApprovalStatus;
        }

        offer.Versions.Add(version);
        org.Touch(offer, now);
    }

    /// <summary>
    /// Starts the offer's approval with its definition (the one set through the API, else one step approved by the offer's
    /// author): a definition with no steps approves at once — <c>offerUpdate</c>.
    /// </summary>
    public static WebhookEvent StartApproval(Organization org, long now, Offer offer)
    {
        var steps = org.ApprovalDefinitions.TryGetValue(offer.Id, out var definition)
            ? definition.Steps
            : [(1, [offer.Latest.Author ?? org.Users.First(u => u.IsEnabled && u.GlobalRole == 0)])];
        if (steps.Count == 0)
        {
            MarkApproved(offer, now);
        }
        else
        {
            var approval = new Approval
            {
                Id = org.NewId(), DefinitionId = definition?.Id ?? org.NewId(), EntityType = "offer", EntityId = offer.Id, CreatedMs = now, UpdatedMs = now, SubmittedMs = now,
            };
            foreach (var (required, approvers) in steps)
            {
                var step = new ApprovalStep { Id = org.NewId(), ApprovalsRequired = required };
                foreach (var u in approvers) step.Approvers.Add(new Approver { Id = org.NewId(), User = u });
                approval.Steps.Add(step);
            }

            foreach (var p in approval.Steps[0].Approvers) p.RequestedMs = now;
            OfferRecordsGenerator.Add(org, approval);
            org.Touch(approval, now);
            offer.AcceptanceStatus = "Pending";
            offer.OfferStatus = "WaitingOnOfferApproval";
            offer.Latest.ApprovalStatus = "WaitingOnApprovals";
        }

        org.Touch(offer, now);
        return WebhookPayloads.Offer(org, "offerUpdate", offer);
    }

    /// <summary>
    /// <c>offer.approve</c>: with a step and a user, that approver approves the current step (which completes once it has
    /// its approvals; the last step completes the approval); without, the whole approval is force-approved — <c>offerUpdate</c>.
    /// </summary>
    public static WebhookEvent Approve(Organization org, long now, Offer offer, ApprovalStep? step, Approver? approver)
    {
        var approval = org.LatestApproval.GetValueOrDefault(offer.Id);
        if (step is not null && approver is not null && approval is not null)
        {
            approver.Decision = "approve";
            approver.DecidedMs = now;
            if (step.Approvers.Count(p => p.Decision == "approve") >= step.ApprovalsRequired)
            {
                step.CompletedMs = now;
                if (approval.CurrentStep is { } next) foreach (var p in next.Approvers) p.RequestedMs = now;
            }
        }
        else if (approval is not null && approval.CompletedMs is null)
        {
            foreach (var s in approval.Steps) s.CompletedMs ??= now;
        }

        if (approval is not null)
        {
            if (approval.CurrentStep is null) approval.CompletedMs ??= now;
            org.Touch(approval, now);
        }

        if (approval is null || approval.CompletedMs is not null) MarkApproved(offer, now);
        org.Touch(offer, now);
        return WebhookPayloads.Offer(org, "offerUpdate", offer);
    }

    private static void MarkApproved(Offer offer, long now)
    {
        offer.AcceptanceStatus = "WaitingOnResponse";
        offer.OfferStatus = "WaitingOnCandidateResponse";
        offer.Latest.ApprovalStatus = "Approved";
        offer.UpdatedMs = Math.Max(offer.UpdatedMs, now);
    }

    /// <summary>
    /// <c>approvalDefinition.update</c> for an offer: keeps the definition; an empty one skips approval (an offer waiting for
    /// approval is approved); <paramref name="submit"/> starts the approval. Returns <c>offerUpdate</c> when the offer changed.
    /// </summary>
    public static WebhookEvent? Define(Organization org, long now, Offer offer, List<(int, User[])> steps, bool submit)
    {
        if (!org.ApprovalDefinitions.TryGetValue(offer.Id, out var definition))
        {
            definition = new ApprovalDefinition { Id = org.NewId(), EntityId = offer.Id };
            org.ApprovalDefinitions[offer.Id] = definition;
        }

        definition.Steps = steps;
        if (offer.OfferStatus == "WaitingOnApprovalDefinition") offer.OfferStatus = "WaitingOnApprovalStart";
        if (steps.Count == 0 && offer.OfferStatus is "WaitingOnApprovalStart" or "WaitingOnOfferApproval")
        {
            if (org.LatestApproval.GetValueOrDefault(offer.Id) is { CompletedMs: null } pending)
            {
                pending.CompletedMs = now;
                org.Touch(pending, now);
            }

            MarkApproved(offer, now);
        }
        else if (submit && offer.OfferStatus == "WaitingOnApprovalStart")
        {
            return StartApproval(org, now, offer);
        }
        else
        {
            return null;
        }

        org.Touch(offer, now);
        return WebhookPayloads.Offer(org, "offerUpdate", offer);
    }

    /// <summary>
    /// <c>surveySubmission.create</c>: <c>surveySubmit</c> (API submissions are never anonymous); diversity and EEOC answers
    /// stay out of the payload, as Ashby documents.
    /// </summary>
    public static WebhookEvent SurveySubmitted(SurveySubmission s)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            w.WriteStartObject();
            w.WritePropertyName("surveySubmission");
            OfferJson.SurveySubmission(w, s, withValues: s.Form.SurveyType is not ("Diversity" or "EEOC"));
            w.WriteEndObject();
        }

        return new WebhookEvent("surveySubmit", JsonNode.Parse(buffer.WrittenSpan)!.AsObject());
    }
}
