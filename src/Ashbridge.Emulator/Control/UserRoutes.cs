using System.Text.Json;
using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// The user directory as someone changes it in Ashby's admin: <c>POST /_emulator/users</c>
/// <c>{ firstName, lastName, email, globalRole?, managerId? }</c> adds a user, <c>/users/{id}/edit</c> (the same fields,
/// each optional) changes one, <c>/users/{id}/deactivate</c> and <c>/reactivate</c> switch one off and on (a deactivated
/// user leaves user.list unless includeDeactivated). Every change bumps the user's change sequence, so an incremental
/// user.list returns it; Ashby has no user webhook. Emails stay unique, compared as user.search compares them.
/// </summary>
internal static class UserRoutes
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/users", async (HttpContext http, EmulatorServices services) =>
        {
            if (await ControlApi.ReadBodyAsync(http) is not { } body) return ControlApi.BadBody();
            return ControlApi.Change(services, ctx =>
            {
                var first = body.String("firstName");
                var last = body.String("lastName");
                var email = body.String("email")?.Trim();
                if (string.IsNullOrWhiteSpace(first) || string.IsNullOrWhiteSpace(last) || string.IsNullOrEmpty(email))
                {
                    return ControlApi.Error(400, "firstName, lastName and email are required.");
                }

                var u = new User { Id = ctx.Org.NewId(), FirstName = first, LastName = last, Email = email, GlobalRole = 2, CreatedMs = ctx.NowMs, UpdatedMs = ctx.NowMs };
                if (Apply(ctx.Org, u, body) is { } error) return error;
                ctx.Org.Users.Add(u);
                ctx.Org.UsersById[u.Id] = u;
                ctx.Org.Touch(u, ctx.NowMs);
                return ControlApi.Json(w => OrganizationJson.User(w, u));
            });
        }).WithName("EmulatorCreateUser");

        group.MapPost("/users/{id:guid}/edit", async (Guid id, HttpContext http, EmulatorServices services) =>
        {
            if (await ControlApi.ReadBodyAsync(http) is not { } body) return ControlApi.BadBody();
            return ControlApi.Change(services, ctx =>
            {
                if (ctx.Org.FindUser(id) is not { } u) return ControlApi.Error(404, $"User {id} was not found.");
                if (Apply(ctx.Org, u, body) is { } error) return error;
                ctx.Org.Touch(u, ctx.NowMs);
                return ControlApi.Json(w => OrganizationJson.User(w, u));
            });
        }).WithName("EmulatorEditUser");

        group.MapPost("/users/{id:guid}/deactivate", (Guid id, EmulatorServices services) => SetEnabled(services, id, false)).WithName("EmulatorDeactivateUser");
        group.MapPost("/users/{id:guid}/reactivate", (Guid id, EmulatorServices services) => SetEnabled(services, id, true)).WithName("EmulatorReactivateUser");
    }

    /// <summary>Validates every given field first, then sets them all (nothing changes on an error).</summary>
    private static IResult? Apply(Organization org, User u, JsonElement body)
    {
        var email = body.String("email")?.Trim();
        if (email is not null && (email.Length == 0 || !email.Contains('@'))) return ControlApi.Error(400, "email must be an email address.");
        if (email is not null && org.FindUserByEmail(email) is { } other && other != u) return ControlApi.Error(409, $"User {other.Id} already has the email {email}.");
        byte? role = null;
        if (body.String("globalRole") is { } roleName)
        {
            var index = Array.IndexOf(Enums.GlobalRoles, roleName);
            if (index < 0) return ControlApi.Error(400, "globalRole must be one of: " + string.Join(", ", Enums.GlobalRoles));
            role = (byte)index;
        }

        User? manager = null;
        var clearManager = body.TryGetProperty("managerId", out var managerValue) && managerValue.ValueKind == JsonValueKind.Null;
        if (!clearManager && body.TryGetProperty("managerId", out _))
        {
            if (body.Guid("managerId") is not { } managerId || org.FindUser(managerId) is not { } found) return ControlApi.Error(400, "managerId must name an existing user (or be null to clear it).");
            if (found == u) return ControlApi.Error(400, "A user cannot be their own manager.");
            manager = found;
        }

        if (body.String("firstName") is { Length: > 0 } first) u.FirstName = first;
        if (body.String("lastName") is { Length: > 0 } last) u.LastName = last;
        if (email is not null) u.Email = email;
        if (role is { } r) u.GlobalRole = r;
        if (clearManager) u.Manager = null;
        else if (manager is not null) u.Manager = manager;
        return null;
    }

    private static IResult SetEnabled(EmulatorServices services, Guid id, bool enabled) => ControlApi.Change(services, ctx =>
    {
        if (ctx.Org.FindUser(id) is not { } u) return ControlApi.Error(404, $"User {id} was not found.");
        u.IsEnabled = enabled;
        ctx.Org.Touch(u, ctx.NowMs);
        return ControlApi.Json(w => OrganizationJson.User(w, u));
    });
}
