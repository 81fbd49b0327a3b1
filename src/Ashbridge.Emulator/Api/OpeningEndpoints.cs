using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary><c>opening.list</c> and <c>opening.info</c>.</summary>
internal static class OpeningEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("opening.list", Permissions.JobsRead, List)
        .Read("opening.info", Permissions.JobsRead, Info);

    private static void List(AshbyCall call)
    {
        if (!call.CreatedRange(out var after, out _)) return;
        Pager.List(call, call.Org.Openings, (o, _) => call.CanSee(o) && o.CreatedMs > after, (w, o) => JobJson.Opening(w, o, call.Viewer));
    }

    private static void Info(AshbyCall call)
    {
        if (!call.RequiredGuid("openingId", out var id)) return;
        if (call.Org.FindOpening(id) is not { } o || !call.CanSee(o)) call.NotFound(ErrorCodes.OpeningNotFound, "Opening", id);
        else call.Success(w => JobJson.Opening(w, o, call.Viewer));
    }
}
