using System.Globalization;
using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// Offers (<c>offer.*</c>, <c>offerProcess.start</c>) and approvals (<c>approval.list</c>, <c>approvalDefinition.update</c>);
/// also registers the survey and report endpoints.
/// </summary>
internal static class OfferEndpoints
{
    public static readonly string[] AcceptanceStatuses = ["Accepted", "Declined", "Pending", "Created", "Cancelled", "WaitingOnResponse"];
    public static readonly string[] OfferStatuses =
        ["WaitingOnApprovalStart", "WaitingOnOfferApproval", "WaitingOnApprovalDefinition", "WaitingOnCandidateResponse", "CandidateRejected", "CandidateAccepted", "OfferCancelled"];
    private static readonly string[] ApprovalStatuses = ["Approved", "WaitingOnApprovals", "Declined"];
    private static readonly string[] ApprovalEntityTypes = ["offer", "job", "opening"];

    public static void Register(EndpointTable table)
    {
        table
            .Read("offer.list", Permissions.OffersRead, List)
            .Read("offer.info", Permissions.OffersRead, Info)
            .Write("offerProcess.start", Permissions.OffersWrite, StartProcess)
            .Write("offer.start", Permissions.OffersWrite, Start)
            .Write("offer.create", Permissions.OffersWrite, Create)
            .Write("offer.update", Permissions.OffersWrite, Update)
            .Write("offer.startApprovalProcess", Permissions.OffersWrite, StartApprovalProcess)
            .Write("offer.approve", Permissions.OffersWrite, Approve)
            .Read("approval.list", Permissions.ApprovalsRead, ListApprovals)
            .Write("approvalDefinition.update", Permissions.ApprovalsWrite, UpdateDefinition);
        SurveyEndpoints.Register(table);
        ReportEndpoints.Register(table);
    }

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
        if (!call.RequiredGuid("offerId", out var id) || !call.OptionalBool("excludeFormDefinition", out var exclude)) return;
        if (FindOffer(call, id) is { } o) Answer(call, o, exclude);
    }

    /// <summary>The offer with every version and, unless <c>excludeFormDefinition</c>, its form (Ashby's changelog of 2026-05-19).</summary>
    private static void Answer(AshbyCall call, Offer o, bool excludeForm) => call.Success(w => OfferJson.Offer(w, o, withVersions: true, formOf: excludeForm ? null : call.Org));

    private static Offer? FindOffer(AshbyCall call, Guid id)
    {
        if (call.Org.FindOffer(id) is { } o && call.CanSee(o)) return o;
        call.NotFound(ErrorCodes.OfferNotFound, "Offer", id);
        return null;
    }

    /// <summary>
    /// Starts an offer process, or answers the application's open one (no offer yet, or an undecided offer — a generated
    /// offer gets its process here).
    /// </summary>
    private static void StartProcess(AshbyCall call)
    {
        if (!call.RequiredGuid("applicationId", out var id)) return;
        var org = call.Org;
        if (org.FindApplication(id) is not { } a || !call.CanSee(a)) { call.NotFound(ErrorCodes.ApplicationNotFound, "Application", id); return; }
        var process = org.OfferProcesses.Values.FirstOrDefault(p => p.Application == a && (p.Offer is null || (!p.Offer.Deleted && !OfferChanges.IsDecided(p.Offer))));
        if (process is null)
        {
            var open = org.Offers.LastOrDefault(o => !o.Deleted && o.Application == a && !OfferChanges.IsDecided(o) && !org.OfferProcesses.Values.Any(p => p.Offer == o));
            process = new OfferProcess { Id = org.NewId(), Application = a, Offer = open, CreatedMs = call.NowMs };
            org.OfferProcesses[process.Id] = process;
        }

        call.Success(w => OfferJson.Process(w, process));
    }

    /// <summary>A new offer form instance for the process (its id is <c>offer.create</c>'s <c>offerFormId</c>).</summary>
    private static void Start(AshbyCall call)
    {
        if (!call.RequiredGuid("offerProcessId", out var id) || FindProcess(call, id) is not { } process) return;
        var formId = call.Org.NewId();
        call.Org.OfferForms[formId] = process;
        call.Success(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", formId);
            w.WritePropertyName("formDefinition");
            OfferJson.OfferForm(w, call.Org, process.Application.Job);
            w.WriteEndObject();
        });
    }

    private static OfferProcess? FindProcess(AshbyCall call, Guid id)
    {
        if (call.Org.OfferProcesses.TryGetValue(id, out var p) && call.CanSee(p.Application)) return p;
        call.NotFound(ErrorCodes.OfferProcessNotFound, "Offer process", id);
        return null;
    }

    private static void Create(AshbyCall call)
    {
        if (!call.RequiredGuid("offerProcessId", out var processId) || !call.RequiredGuid("offerFormId", out var formId)) return;
        if (!call.OptionalBool("excludeFormDefinition", out var exclude) || FindProcess(call, processId) is not { } process) return;
        if (!call.Org.OfferForms.TryGetValue(formId, out var formProcess) || formProcess != process)
        {
            call.Fail(ErrorCodes.InvalidInput, $"offerFormId {formId} is not an unsubmitted offer form of offer process {processId} (call offer.start for one)");
            return;
        }

        var current = process.Offer is { Deleted: false } o && !OfferChanges.IsDecided(o) ? o : null;
        if (!ReadOfferForm(call, current, process.Application, out var version)) return;
        call.Org.OfferForms.Remove(formId);
        call.Publish([OfferChanges.Submit(call.Org, call.NowMs, process, version)]);
        Answer(call, process.Offer!, exclude);
    }

    private static void Update(AshbyCall call)
    {
        if (!call.RequiredGuid("offerId", out var id) || !call.OptionalBool("excludeFormDefinition", out var exclude)) return;
        if (FindOffer(call, id) is not { } offer || !ReadOfferForm(call, offer, offer.Application, out var version)) return;
        call.Publish([OfferChanges.Update(call.Org, call.NowMs, offer, version)]);
        Answer(call, offer, exclude);
    }

    /// <summary>Only the latest version of an offer waiting for its approval to start (Ashby: "in a WaitingOnApprovalStart state").</summary>
    private static void StartApprovalProcess(AshbyCall call)
    {
        if (!call.RequiredGuid("offerVersionId", out var id) || !call.OptionalString("note", out _) || !call.OptionalBool("excludeFormDefinition", out var exclude)) return;
        if (FindLatestVersion(call, id) is not { } offer) return;
        if (offer.OfferStatus != "WaitingOnApprovalStart")
        {
            call.Fail(ErrorCodes.InvalidInput, $"The offer's approval cannot start: its status is {offer.OfferStatus}, not WaitingOnApprovalStart");
            return;
        }

        call.Publish([OfferChanges.StartApproval(call.Org, call.NowMs, offer)]);
        Answer(call, offer, exclude);
    }

    /// <summary>
    /// Without <c>approvalStepId</c>/<c>userId</c> force-approves the offer's approval; with both, the user approves the
    /// current step (they must be one of its approvers).
    /// </summary>
    private static void Approve(AshbyCall call)
    {
        if (!call.RequiredGuid("offerVersionId", out var id) || !call.OptionalGuid("approvalStepId", out var stepId) || !call.OptionalGuid("userId", out var userId)) return;
        if (!call.OptionalBool("excludeFormDefinition", out var exclude)) return;
        if (stepId is null != userId is null) { call.Fail(ErrorCodes.InvalidInput, "approvalStepId and userId go together: give both to approve a step, or neither to approve the whole offer"); return; }
        if (FindLatestVersion(call, id) is not { } offer) return;
        if (offer.OfferStatus is not ("WaitingOnApprovalStart" or "WaitingOnApprovalDefinition" or "WaitingOnOfferApproval"))
        {
            call.Fail(ErrorCodes.InvalidInput, $"The offer is not waiting for approval (its status is {offer.OfferStatus})");
            return;
        }

        ApprovalStep? step = null;
        Approver? approver = null;
        if (stepId is { } s && userId is { } u)
        {
            if (call.Org.FindUser(u) is null) { call.NotFound(ErrorCodes.UserNotFound, "User", u); return; }
            var approval = call.Org.LatestApproval.GetValueOrDefault(offer.Id);
            if (offer.OfferStatus != "WaitingOnOfferApproval" || approval?.CurrentStep is not { } current || current.Id != s)
            {
                call.Fail(ErrorCodes.InvalidInput, $"Approval step {s} is not the current step of the offer's approval process");
                return;
            }

            if (current.Approvers.Find(p => p.User.Id == u) is not { } found)
            {
                call.Fail(ErrorCodes.InvalidInput, $"User {u} is not an approver of approval step {s}");
                return;
            }

            (step, approver) = (current, found);
        }

        call.Publish([OfferChanges.Approve(call.Org, call.NowMs, offer, step, approver)]);
        Answer(call, offer, exclude);
    }

    private static Offer? FindLatestVersion(AshbyCall call, Guid versionId)
    {
        if (call.Org.FindOfferVersion(versionId) is not { } found || !call.CanSee(found.Offer))
        {
            call.NotFound(ErrorCodes.OfferVersionNotFound, "Offer version", versionId);
            return null;
        }

        var (offer, version) = found;

        if (version != offer.Latest)
        {
            call.Fail(ErrorCodes.InvalidInput, $"Offer version {versionId} is not the offer's latest version ({offer.Latest.Id})");
            return null;
        }

        return offer;
    }

    /// <summary>
    /// Reads <c>offerForm.fieldSubmissions</c> (<c>{ path, value }</c>, the value typed by the field: a date string, a
    /// <c>{ currencyCode, value }</c> object, a number, a boolean, a string, an option value or an array of them) into a
    /// new version based on <paramref name="basis"/>. A new offer needs the start date and salary.
    /// </summary>
    private static bool ReadOfferForm(AshbyCall call, Offer? basis, Application a, out OfferVersion version)
    {
        var latest = basis?.Latest;
        version = new OfferVersion
        {
            StartMs = latest?.StartMs ?? 0, Salary = latest?.Salary ?? 0, Currency = latest?.Currency ?? "USD", Opening = latest?.Opening,
            Author = latest?.Author ?? a.Job.HiringTeam.FirstOrDefault()?.User, CustomFields = latest?.CustomFields ?? [],
        };
        if (!call.Present("offerForm", out var form)) return call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: offerForm");
        if (form.ValueKind != JsonValueKind.Object) return call.FailParameter("offerForm", "offerForm must be an object");
        if (!form.TryGetProperty("fieldSubmissions", out var submissions) || submissions.ValueKind == JsonValueKind.Null)
        {
            return call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: offerForm.fieldSubmissions");
        }

        if (submissions.ValueKind != JsonValueKind.Array) return call.FailParameter("offerForm.fieldSubmissions", "offerForm.fieldSubmissions must be an array");
        var org = call.Org;
        var fields = org.OfferFormFields().ToDictionary(f => f.Path, StringComparer.Ordinal);
        var custom = version.CustomFields.ToDictionary(v => v.Field.Id);
        var seen = new HashSet<OfferFormField>();
        Opening? chosenOpening = null;
        foreach (var item in submissions.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("path", out var pathValue) || pathValue.ValueKind != JsonValueKind.String || !item.TryGetProperty("value", out var value))
            {
                return call.Fail(ErrorCodes.InvalidInput, "Each offerForm.fieldSubmissions entry needs a string path and a value");
            }

            var path = pathValue.GetString()!;
            if (!fields.TryGetValue(path, out var field)) return call.Fail(ErrorCodes.InvalidInput, $"The offer form has no field with path {path}");
            seen.Add(field);
            var bad = $"Invalid value for offer form field {field.Title} ({field.Type})";
            if (field.CustomField is { } definition)
            {
                if (value.ValueKind == JsonValueKind.Null) custom.Remove(definition.Id);
                else if (ParseValue(definition, value) is { } parsed) custom[definition.Id] = parsed;
                else return call.Fail(ErrorCodes.InvalidInput, bad);
            }
            else if (field == org.OfferSystemFields[0])
            {
                if (ParseDate(value) is not { } ms) return call.Fail(ErrorCodes.InvalidInput, bad);
                version.StartMs = OrganizationGenerator.StartDate(ms);
            }
            else if (field == org.OfferSystemFields[1])
            {
                if (!ParseCurrency(value, out var amount, out var currency)) return call.Fail(ErrorCodes.InvalidInput, bad);
                (version.Salary, version.Currency) = (amount, currency ?? version.Currency);
            }
            else if (value.ValueKind == JsonValueKind.Null)
            {
                version.Opening = null;
            }
            else
            {
                if (value.ValueKind != JsonValueKind.String || !Guid.TryParse(value.GetString(), out var openingId)) return call.Fail(ErrorCodes.InvalidInput, bad);
                if (a.Job.Openings.Find(o => o.Id == openingId && !o.Deleted) is not { } opening) return call.NotFound(ErrorCodes.OpeningNotFound, "Opening of this job", openingId);
                chosenOpening = version.Opening = opening;
            }
        }

        if (basis is null)
        {
            foreach (var required in org.OfferSystemFields.Where(f => f.IsRequired && !seen.Contains(f)))
            {
                return call.Fail(ErrorCodes.InvalidInput, $"The offer form is missing the required field {required.Title} (path {required.Path})");
            }
        }

        if (chosenOpening is not null)
        {
            if (chosenOpening.State is 1 or 3) return call.Fail(ErrorCodes.OpeningStateInvalid, $"Opening {chosenOpening.Id} is {Enums.OpeningStates[chosenOpening.State]}");
            if (InUse(org, chosenOpening, basis)) return call.Fail(ErrorCodes.OpeningInUse, $"Opening {chosenOpening.Id} is already used by another offer");
        }
        else if (basis is null && version.Opening is null)
        {
            version.Opening = a.Job.Openings.Find(o => !o.Deleted && o.State is not (1 or 3) && !InUse(org, o, null));
        }

        version.CustomFields = [.. custom.Values];
        return true;
    }

    /// <summary>An opening is in use when another undecided or accepted offer's latest version holds it.</summary>
    private static bool InUse(Organization org, Opening opening, Offer? self) =>
        org.Offers.Exists(o => o != self && !o.Deleted && o.Latest.Opening == opening && o.AcceptanceStatus is not ("Declined" or "Cancelled"));

    private static long? ParseDate(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUnixTimeMilliseconds()
            : null;

    private static bool ParseCurrency(JsonElement value, out double amount, out string? currency)
    {
        amount = 0;
        currency = null;
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("value", out var v) || !TryNumber(v, out amount)) return false;
        if (value.TryGetProperty("currencyCode", out var c))
        {
            if (c.ValueKind != JsonValueKind.String || c.GetString() is not { Length: 3 } code) return false;
            currency = code.ToUpperInvariant();
        }

        return true;
    }

    private static bool TryNumber(JsonElement v, out double number)
    {
        number = 0;
        return v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    /// <summary>A submitted value for an offer custom field, by the field's type; null when it does not fit.</summary>
    public static CustomFieldValue? ParseValue(CustomFieldDefinition f, JsonElement value)
    {
        switch (f.FieldType)
        {
            case "Boolean":
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return new(f, bits: value.GetBoolean() ? 1 : 0);
                if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var b)) return new(f, bits: b ? 1 : 0);
                return null;
            case "Number":
                return TryNumber(value, out var n) ? new(f, number: n) : null;
            case "Currency":
                return ParseCurrency(value, out var amount, out _) ? new(f, number: amount) : null;
            case "Date":
                return ParseDate(value) is { } ms ? new(f, bits: ms) : null;
            case "String" or "LongText":
                return value.ValueKind == JsonValueKind.String ? new(f, text: value.GetString()) : null;
            case "ValueSelect":
                var index = value.ValueKind == JsonValueKind.String ? Array.FindIndex(f.Options, o => o.Value == value.GetString() && !o.IsArchived) : -1;
                return index >= 0 ? new(f, bits: index) : null;
            case "MultiValueSelect":
                if (value.ValueKind != JsonValueKind.Array) return null;
                long mask = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var i = item.ValueKind == JsonValueKind.String ? Array.FindIndex(f.Options, o => o.Value == item.GetString() && !o.IsArchived) : -1;
                    if (i < 0) return null;
                    mask |= 1L << i;
                }

                return new(f, bits: mask);
            default:
                return null;
        }
    }

    private static void ListApprovals(AshbyCall call)
    {
        if (!call.OptionalEnum("entityType", ApprovalEntityTypes, out var entityType) || !call.OptionalGuid("entityId", out var entityId)) return;
        var org = call.Org;
        Pager.List(
            call,
            org.Approvals,
            (a, _) => (entityType is null || a.EntityType == entityType) && (entityId is null || a.EntityId == entityId) && Visible(call, a),
            (w, a) => OfferJson.Approval(w, a));
    }

    private static bool Visible(AshbyCall call, Approval a) => a.EntityType switch
    {
        "offer" => call.Org.FindOffer(a.EntityId) is { } o && call.CanSee(o),
        "opening" => call.Org.FindOpening(a.EntityId) is { } o && call.CanSee(o),
        _ => call.Org.FindJob(a.EntityId) is { } j && call.CanSee(j),
    };

    /// <summary>
    /// Sets an offer's approval steps (<c>entityType</c> is <c>offer</c>, the only one Ashby accepts); an empty list skips
    /// approval; <c>submitApprovalRequest</c> starts the approval.
    /// </summary>
    private static void UpdateDefinition(AshbyCall call)
    {
        if (!call.Present("entityType", out _)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: entityType"); return; }
        if (!call.OptionalEnum("entityType", ["offer"], out _) || !call.RequiredGuid("entityId", out var entityId)) return;
        if (!call.OptionalBool("submitApprovalRequest", out var submit)) return;
        if (!call.Present("approvalStepDefinitions", out var definitions)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: approvalStepDefinitions"); return; }
        if (definitions.ValueKind != JsonValueKind.Array) { call.FailParameter("approvalStepDefinitions", "approvalStepDefinitions must be an array"); return; }
        var steps = new List<(int, User[])>();
        foreach (var d in definitions.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Object || !d.TryGetProperty("approvalsRequired", out var req) || req.ValueKind != JsonValueKind.Number || !req.TryGetInt32(out var required)
                || !d.TryGetProperty("approvers", out var approvers) || approvers.ValueKind != JsonValueKind.Array)
            {
                call.Fail(ErrorCodes.InvalidInput, "Each approval step definition needs an integer approvalsRequired and an approvers array");
                return;
            }

            var users = new List<User>();
            foreach (var p in approvers.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.Object || !p.TryGetProperty("userId", out var uid) || uid.ValueKind != JsonValueKind.String || !Guid.TryParseExact(uid.GetString(), "D", out var userId)
                    || !p.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "user")
                {
                    call.Fail(ErrorCodes.InvalidInput, "Each approver needs a userId (a UUID) and type \"user\"");
                    return;
                }

                if (call.Org.FindUser(userId) is not { IsEnabled: true } user) { call.NotFound(ErrorCodes.UserNotFound, "User", userId); return; }
                users.Add(user);
            }

            if (required < 1 || required > users.Count)
            {
                call.Fail(ErrorCodes.InvalidInput, $"approvalsRequired must be between 1 and the number of approvers ({users.Count})");
                return;
            }

            steps.Add((required, [.. users]));
        }

        if (FindOffer(call, entityId) is not { } offer) return;
        if (OfferChanges.Define(call.Org, call.NowMs, offer, steps, submit) is { } change) call.Publish([change]);
        call.Success(w => OfferJson.Definition(w, call.Org.ApprovalDefinitions[offer.Id]));
    }
}
