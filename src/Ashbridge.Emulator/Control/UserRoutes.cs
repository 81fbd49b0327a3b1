using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/users/{id}/deactivate</c> and <c>/reactivate</c>: a deactivated user disappears from user.list
/// unless includeDeactivated, and comes back when reactivated. Both bump the user's change sequence, so an incremental
/// user.list returns the user either way.
/// </summary>
internal static class UserRoutes
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/users/{id:guid}/deactivate", (Guid id, EmulatorServices services) => SetEnabled(services, id, false)).WithName("EmulatorDeactivateUser");
        group.MapPost("/users/{id:guid}/reactivate", (Guid id, EmulatorServices services) => SetEnabled(services, id, true)).WithName("EmulatorReactivateUser");
    }

    private static IResult SetEnabled(EmulatorServices services, Guid id, bool enabled) => ControlApi.Change(services, ctx =>
    {
        if (ctx.Org.FindUser(id) is not { } u) return ControlApi.Error(404, $"User {id} was not found.");
        u.IsEnabled = enabled;
        ctx.Org.Touch(u, ctx.NowMs);
        return ControlApi.Json(w => OrganizationJson.User(w, u));
    });
}
