using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Control;

/// <summary><c>POST /_emulator/users/{id}/deactivate</c>: the user disappears from user.list unless includeDeactivated.</summary>
internal static class UserRoutes
{
    public static void Map(IEndpointRouteBuilder group) => group.MapPost("/users/{id:guid}/deactivate", (Guid id, EmulatorServices services) => ControlApi.Change(services, ctx =>
    {
        if (ctx.Org.FindUser(id) is not { } u) return ControlApi.Error(404, $"User {id} was not found.");
        u.IsEnabled = false;
        ctx.Org.Touch(u, ctx.NowMs);
        return ControlApi.Json(w => OrganizationJson.User(w, u));
    })).WithName("EmulatorDeactivateUser");
}
