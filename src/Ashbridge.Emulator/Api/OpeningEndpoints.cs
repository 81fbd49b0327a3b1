using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// <c>opening.*</c>: list (sync), info, search, and the writes. Only <c>opening.create</c> sends a webhook
/// (<c>openingCreate</c>); Ashby documents no other opening webhook, so the other writes are seen through incremental sync.
/// </summary>
internal static class OpeningEndpoints
{
    private static readonly string[] SettableStates = ["Draft", "Approved", "Open", "Closed"];

    public static void Register(EndpointTable table) => table
        .Read("opening.list", Permissions.JobsRead, List)
        .Read("opening.info", Permissions.JobsRead, Info)
        .Read("opening.search", Permissions.JobsRead, Search)
        .Write("opening.create", Permissions.JobsWrite, Create)
        .Write("opening.update", Permissions.JobsWrite, Update)
        .Write("opening.addJob", Permissions.JobsWrite, call => JobLink(call, add: true))
        .Write("opening.removeJob", Permissions.JobsWrite, call => JobLink(call, add: false))
        .Write("opening.addLocation", Permissions.JobsWrite, call => LocationLink(call, add: true))
        .Write("opening.removeLocation", Permissions.JobsWrite, call => LocationLink(call, add: false))
        .Write("opening.setOpeningState", Permissions.JobsWrite, SetState)
        .Write("opening.setArchived", Permissions.JobsWrite, SetArchived);

    private static void List(AshbyCall call)
    {
        if (!call.CreatedRange(out var after, out _)) return;
        Pager.List(call, call.Org.Openings, (o, _) => call.CanSee(o) && o.CreatedMs > after, (w, o) => JobJson.Opening(w, o, call.Viewer));
    }

    private static void Info(AshbyCall call)
    {
        if (!call.RequiredOpening(out var o)) return;
        call.Success(w => JobJson.Opening(w, o, call.Viewer));
    }

    /// <summary>Not paginated: the openings whose identifier equals <c>identifier</c>, ignoring case.</summary>
    private static void Search(AshbyCall call)
    {
        if (!call.RequiredString("identifier", out var identifier)) return;
        call.Success(w =>
        {
            w.WriteStartArray();
            foreach (var o in call.Org.Openings)
            {
                if (call.CanSee(o) && string.Equals(o.Identifier, identifier, StringComparison.OrdinalIgnoreCase)) JobJson.Opening(w, o, call.Viewer);
            }

            w.WriteEndArray();
        });
    }

    /// <summary><c>opening.create</c>: Draft unless <c>openingState</c> says otherwise; <c>openingCreate</c>.</summary>
    private static void Create(AshbyCall call)
    {
        if (!call.OptionalString("identifier", out var identifier) || !call.OptionalString("description", out var description)) return;
        if (!call.OptionalTeam("teamId", out var team) || !call.OptionalGuidArray("locationIds", out var locationIds) || !call.OptionalGuidArray("jobIds", out var jobIds)) return;
        if (!call.OptionalDate("targetHireDate", out var hire) || !call.OptionalDate("targetStartDate", out var start)) return;
        if (!call.OptionalBool("isBackfill", out var backfill) || !call.OptionalEmploymentType(out var employment)) return;
        if (!call.OptionalEnum("openingState", SettableStates, out var stateText)) return;
        var locations = new List<Location>();
        foreach (var id in locationIds)
        {
            if (call.Org.FindLocation(id) is not { } l) { call.NotFound(ErrorCodes.LocationNotFound, "Location", id); return; }
            if (!locations.Contains(l)) locations.Add(l);
        }

        var jobs = new List<Job>();
        foreach (var id in jobIds)
        {
            if (call.Org.FindJob(id) is not { } j || !call.CanSee(j)) { call.NotFound(ErrorCodes.JobNotFound, "Job", id); return; }
            if (!jobs.Contains(j)) jobs.Add(j);
        }

        var state = State(stateText ?? "Draft");
        if (state == OpeningChanges.Closed) { call.Fail(ErrorCodes.InvalidInput, "An opening cannot be created Closed: create it, then close it with opening.setOpeningState and a closeReasonId."); return; }
        var (opening, created) = OpeningChanges.Create(call.Org, call.NowMs, identifier, description, team, locations, jobs, hire, start, backfill, employment ?? 0, state);
        call.Publish([created]);
        call.Success(w => JobJson.Opening(w, opening, call.Viewer));
    }

    /// <summary><c>opening.update</c>: the given fields, in a new latest version.</summary>
    private static void Update(AshbyCall call)
    {
        if (!call.RequiredOpening(out var o)) return;
        if (!call.OptionalString("identifier", out var identifier) || !call.OptionalString("description", out var description) || !call.OptionalTeam("teamId", out var team)) return;
        if (!call.OptionalDate("targetHireDate", out var hire) || !call.OptionalDate("targetStartDate", out var start)) return;
        if (!call.OptionalEmploymentType(out var employment)) return;
        bool? backfill = null;
        if (call.Present("isBackfill", out _))
        {
            if (!call.OptionalBool("isBackfill", out var flag)) return;
            backfill = flag;
        }

        OpeningChanges.Update(call.Org, call.NowMs, o, identifier, description, team, hire, start, backfill, employment);
        call.Success(w => JobJson.Opening(w, o, call.Viewer));
    }

    private static void JobLink(AshbyCall call, bool add)
    {
        if (!call.RequiredOpening(out var o) || !call.RequiredJob("jobId", out var job)) return;
        if (add) OpeningChanges.AddJob(call.Org, call.NowMs, o, job);
        else OpeningChanges.RemoveJob(call.Org, call.NowMs, o, job);
        call.Success(w => JobJson.Opening(w, o, call.Viewer));
    }

    private static void LocationLink(AshbyCall call, bool add)
    {
        if (!call.RequiredOpening(out var o) || !call.RequiredGuid("locationId", out var id)) return;
        if (call.Org.FindLocation(id) is not { } location) { call.NotFound(ErrorCodes.LocationNotFound, "Location", id); return; }
        if (add) OpeningChanges.AddLocation(call.Org, call.NowMs, o, location);
        else OpeningChanges.RemoveLocation(call.Org, call.NowMs, o, location);
        call.Success(w => JobJson.Opening(w, o, call.Viewer));
    }

    /// <summary>
    /// <c>opening.setOpeningState</c> to Draft, Approved, Open or Closed (Filled comes only from a hire). Closing needs a
    /// <c>closeReasonId</c> of an active close reason; the opening then carries it.
    /// </summary>
    private static void SetState(AshbyCall call)
    {
        if (!call.RequiredOpening(out var o) || !call.RequiredEnum("openingState", SettableStates, out var text) || !call.OptionalGuid("closeReasonId", out var reasonId)) return;
        var state = State(text);
        CloseReason? reason = null;
        if (reasonId is { } r)
        {
            if ((reason = call.Org.FindCloseReason(r)) is null) { call.NotFound(ErrorCodes.CloseReasonNotFound, "Close reason", r); return; }
            if (reason.IsArchived) { call.Fail(ErrorCodes.InvalidInput, $"Close reason {r} is archived."); return; }
        }

        if (state == OpeningChanges.Closed && reason is null) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: closeReasonId (required when setting the state to Closed)"); return; }
        OpeningChanges.SetState(call.Org, call.NowMs, o, state, reason);
        call.Success(w => JobJson.Opening(w, o, call.Viewer));
    }

    private static void SetArchived(AshbyCall call)
    {
        if (!call.RequiredOpening(out var o)) return;
        if (!call.Present("archive", out _)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: archive"); return; }
        if (!call.OptionalBool("archive", out var archive)) return;
        OpeningChanges.SetArchived(call.Org, call.NowMs, o, archive);
        call.Success(w => JobJson.Opening(w, o, call.Viewer));
    }

    private static byte State(string text) => (byte)Enums.IndexOf(Enums.OpeningStates, text);
}
