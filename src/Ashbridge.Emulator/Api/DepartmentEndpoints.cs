using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// Department writes: <c>department.create/update/move/archive/restore</c>. Each bumps the department's <c>updatedAt</c>
/// and change sequence, so <c>department.list</c> with a sync token returns it; Ashby has no department webhook.
/// </summary>
internal static class DepartmentEndpoints
{
    public static void Register(EndpointTable table) => table
        .Write("department.create", Permissions.OrganizationWrite, Create)
        .Write("department.update", Permissions.OrganizationWrite, Update)
        .Write("department.move", Permissions.OrganizationWrite, Move)
        .Write("department.archive", Permissions.OrganizationWrite, Archive)
        .Write("department.restore", Permissions.OrganizationWrite, Restore);

    private static void Create(AshbyCall call)
    {
        if (!call.RequiredName("name", out var name) || !call.OptionalName("externalName", out var externalName) ||
            !call.OptionalGuid("parentId", out var parentId) || !call.OptionalExtraData(out var extraData, out _)) return;
        Department? parent = null;
        if (parentId is { } id && !FindParent(call, id, out parent)) return;
        var org = call.Org;
        var now = call.NowMs;
        var d = new Department { Id = org.NewId(), Name = name, ExternalName = externalName, Parent = parent, ExtraData = extraData, CreatedMs = now, UpdatedMs = now };
        org.Departments.Add(d);
        org.Touch(d, now);
        call.Success(w => OrganizationJson.Department(w, d));
    }

    /// <summary>Sets what is given: <c>name</c>, <c>externalName</c> (an empty string clears it), <c>extraData</c> (replaced whole).</summary>
    private static void Update(AshbyCall call)
    {
        if (!call.RequiredGuid("departmentId", out var id) || !call.OptionalName("name", out var name) ||
            !call.OptionalString("externalName", out var externalName) || !call.OptionalExtraData(out var extraData, out var hasExtraData)) return;
        if (Find(call, id) is not { } d) return;
        if (name is null && externalName is null && !hasExtraData)
        {
            call.Fail(ErrorCodes.InvalidInput, "Give at least one of name, externalName or extraData");
            return;
        }

        if (name is not null) d.Name = name;
        if (externalName is not null) d.ExternalName = externalName.Trim().Length == 0 ? null : externalName.Trim();
        if (hasExtraData) d.ExtraData = extraData;
        Changed(call, d);
    }

    /// <summary>Moves under <c>parentId</c>, or to the top level without it; a move under itself or one of its own teams is refused.</summary>
    private static void Move(AshbyCall call)
    {
        if (!call.RequiredGuid("departmentId", out var id) || !call.OptionalGuid("parentId", out var parentId)) return;
        if (Find(call, id) is not { } d) return;
        Department? parent = null;
        if (parentId is { } pid && !FindParent(call, pid, out parent)) return;
        if (parent is not null && d.IsOrIsAbove(parent))
        {
            call.Fail(ErrorCodes.InvalidInput, $"Department {d.Id} cannot move under {parent.Id}: that department is itself or one of its teams, which would make a cycle.");
            return;
        }

        d.Parent = parent;
        Changed(call, d);
    }

    private static void Archive(AshbyCall call) => SetArchived(call, true);

    private static void Restore(AshbyCall call) => SetArchived(call, false);

    /// <summary>Archiving an archived department (or restoring a live one) answers it unchanged.</summary>
    private static void SetArchived(AshbyCall call, bool archived)
    {
        if (!call.RequiredGuid("departmentId", out var id)) return;
        if (Find(call, id) is not { } d) return;
        if (d.IsArchived == archived)
        {
            call.Success(w => OrganizationJson.Department(w, d));
            return;
        }

        d.IsArchived = archived;
        Changed(call, d);
    }

    private static Department? Find(AshbyCall call, Guid id)
    {
        var d = call.Org.FindDepartment(id);
        if (d is null) call.NotFound(ErrorCodes.DepartmentNotFound, "Department", id);
        return d;
    }

    /// <summary>A parent must exist and not be archived.</summary>
    private static bool FindParent(AshbyCall call, Guid id, out Department? parent)
    {
        parent = call.Org.FindDepartment(id);
        if (parent is null) return call.Fail(ErrorCodes.DepartmentNotFound, $"Parent department {id} was not found.");
        return !parent.IsArchived || call.Fail(ErrorCodes.InvalidInput, $"Parent department {id} is archived; restore it first.");
    }

    private static void Changed(AshbyCall call, Department d)
    {
        call.Org.Touch(d, call.NowMs);
        call.Success(w => OrganizationJson.Department(w, d));
    }
}
