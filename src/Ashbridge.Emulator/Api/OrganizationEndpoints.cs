using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Departments, locations, users and hiring team roles.</summary>
internal static class OrganizationEndpoints
{
    public static void Register(EndpointTable table)
    {
        table
            .Read("department.list", Permissions.OrganizationRead, DepartmentList)
            .Read("department.info", Permissions.OrganizationRead, DepartmentInfo)
            .Read("location.list", Permissions.OrganizationRead, LocationList)
            .Read("location.info", Permissions.OrganizationRead, LocationInfo)
            .Read("user.list", Permissions.OrganizationRead, UserList)
            .Read("user.info", Permissions.OrganizationRead, UserInfo)
            .Read("user.search", Permissions.OrganizationRead, UserSearch)
            .Read("hiringTeamRole.list", Permissions.OrganizationRead, HiringTeamRoleList);
        DepartmentEndpoints.Register(table);
        LocationEndpoints.Register(table);
    }

    private static void DepartmentList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        Pager.List(call, call.Org.Departments, (d, incremental) => includeArchived || incremental || !d.IsArchived, OrganizationJson.Department);
    }

    private static void DepartmentInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("departmentId", out var id)) return;
        if (call.Org.FindDepartment(id) is not { } d) call.NotFound(ErrorCodes.DepartmentNotFound, "Department", id);
        else call.Success(w => OrganizationJson.Department(w, d));
    }

    private static void LocationList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived) || !call.OptionalBool("includeLocationHierarchy", out var includeHierarchy)) return;
        Pager.List(call, call.Org.Locations, (l, incremental) => (includeArchived || incremental || !l.IsArchived) && (includeHierarchy || !l.IsHierarchy), OrganizationJson.Location);
    }

    private static void LocationInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("locationId", out var id)) return;
        if (call.Org.FindLocation(id) is not { } l) call.NotFound(ErrorCodes.LocationNotFound, "Location", id);
        else call.Success(w => OrganizationJson.Location(w, l));
    }

    private static void UserList(AshbyCall call)
    {
        if (!call.OptionalBool("includeDeactivated", out var includeDeactivated)) return;
        Pager.List(call, call.Org.Users, (u, incremental) => includeDeactivated || incremental || u.IsEnabled, OrganizationJson.User);
    }

    private static void UserInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("userId", out var id)) return;
        if (call.Org.FindUser(id) is not { } u) call.NotFound(ErrorCodes.UserNotFound, "User", id);
        else call.Success(w => OrganizationJson.User(w, u));
    }

    /// <summary>
    /// Exact, case-insensitive match of the whole address (surrounding spaces ignored); deactivated users are found too
    /// (their <c>isEnabled</c> says so). An empty array when nobody matches; never paginated.
    /// </summary>
    private static void UserSearch(AshbyCall call)
    {
        if (!call.RequiredString("email", out var email)) return;
        var user = call.Org.FindUserByEmail(email.Trim());
        call.Success(w =>
        {
            w.WriteStartArray();
            if (user is not null) OrganizationJson.User(w, user);
            w.WriteEndArray();
        });
    }

    /// <summary><c>namesOnly</c> defaults to true (role titles only), as Ashby documents; objects only with <c>false</c>.</summary>
    private static void HiringTeamRoleList(AshbyCall call)
    {
        if (!call.OptionalBool("namesOnly", out var namesOnly, defaultValue: true)) return;
        call.Success(w =>
        {
            w.WriteStartArray();
            foreach (var r in call.Org.HiringTeamRoles)
            {
                if (namesOnly)
                {
                    w.WriteStringValue(r.Title);
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("title", r.Title);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }
}
