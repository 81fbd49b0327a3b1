using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// Location writes: <c>location.create/move/updateAddress/updateName/updateExternalName/updateWorkplaceType/archive/restore</c>.
/// Each bumps the location's change sequence, so <c>location.list</c> with a sync token returns it; Ashby has no location webhook.
/// </summary>
internal static class LocationEndpoints
{
    private static readonly string[] Types = ["Location", "LocationHierarchy"];

    public static void Register(EndpointTable table) => table
        .Write("location.create", Permissions.OrganizationWrite, Create)
        .Write("location.move", Permissions.OrganizationWrite, Move)
        .Write("location.updateAddress", Permissions.OrganizationWrite, UpdateAddress)
        .Write("location.updateName", Permissions.OrganizationWrite, UpdateName)
        .Write("location.updateExternalName", Permissions.OrganizationWrite, UpdateExternalName)
        .Write("location.updateWorkplaceType", Permissions.OrganizationWrite, UpdateWorkplaceType)
        .Write("location.archive", Permissions.OrganizationWrite, Archive)
        .Write("location.restore", Permissions.OrganizationWrite, Restore);

    /// <summary>
    /// A location (office) or a location hierarchy (region). <c>parentLocationId</c> must name a hierarchy. An office's
    /// workplace type is <c>workplaceType</c>, else Remote when the deprecated <c>isRemote</c> is true, else OnSite;
    /// hierarchies have none.
    /// </summary>
    private static void Create(AshbyCall call)
    {
        if (!call.RequiredName("name", out var name) || !call.RequiredString("type", out var type)) return;
        if (!Types.Contains(type))
        {
            call.Fail(ErrorCodes.InvalidInput, "type must be one of: Location, LocationHierarchy");
            return;
        }

        if (!call.OptionalAddress(out var address) || !call.OptionalGuid("parentLocationId", out var parentId) ||
            !call.OptionalBool("isRemote", out var isRemote) || !call.OptionalWorkplaceType(out var workplaceType) ||
            !call.OptionalName("externalName", out var externalName) || !call.OptionalExtraData(out var extraData, out _)) return;
        Location? parent = null;
        if (parentId is { } id && !FindHierarchy(call, "parentLocationId", id, out parent)) return;
        var org = call.Org;
        var now = call.NowMs;
        var hierarchy = type == "LocationHierarchy";
        var l = new Location
        {
            Id = org.NewId(), Name = name, ExternalName = externalName, Parent = parent, Address = address, IsHierarchy = hierarchy,
            WorkplaceType = hierarchy ? (byte)0 : workplaceType ?? (isRemote ? (byte)2 : (byte)0), ExtraData = extraData, CreatedMs = now, UpdatedMs = now,
        };
        org.Locations.Add(l);
        org.Touch(l, now);
        call.Success(w => OrganizationJson.Location(w, l));
    }

    /// <summary>Moves under another hierarchy; a hierarchy cannot move under itself or one of its own sub-hierarchies.</summary>
    private static void Move(AshbyCall call)
    {
        if (!call.RequiredGuid("locationId", out var id) || !call.RequiredGuid("parentLocationHierarchyId", out var parentId)) return;
        if (Find(call, id) is not { } l || !FindHierarchy(call, "parentLocationHierarchyId", parentId, out var parent)) return;
        if (l.IsOrIsAbove(parent!))
        {
            call.Fail(ErrorCodes.InvalidInput, $"Location {l.Id} cannot move under {parentId}: that hierarchy is itself or inside it, which would make a cycle.");
            return;
        }

        l.Parent = parent;
        Changed(call, l);
    }

    /// <summary>Replaces the address with the given one (parts left out are cleared).</summary>
    private static void UpdateAddress(AshbyCall call)
    {
        if (!call.RequiredGuid("locationId", out var id) || !call.OptionalAddress(out var address, required: true)) return;
        if (Find(call, id) is not { } l) return;
        l.Address = address;
        Changed(call, l);
    }

    private static void UpdateName(AshbyCall call)
    {
        if (!call.RequiredGuid("locationId", out var id) || !call.RequiredName("name", out var name)) return;
        if (Find(call, id) is not { } l) return;
        l.Name = name;
        Changed(call, l);
    }

    /// <summary>Sets the candidate-facing name; without <c>externalName</c> (or with an empty one) it is cleared. Only <c>locationId</c> and <c>externalName</c> are accepted, as the document says.</summary>
    private static void UpdateExternalName(AshbyCall call)
    {
        foreach (var property in call.Body.EnumerateObject())
        {
            if (property.Name is not ("locationId" or "externalName"))
            {
                call.Fail(ErrorCodes.InvalidInput, $"Unknown parameter: {property.Name}");
                return;
            }
        }

        if (!call.RequiredGuid("locationId", out var id) || !call.OptionalString("externalName", out var externalName)) return;
        if (Find(call, id) is not { } l) return;
        l.ExternalName = string.IsNullOrWhiteSpace(externalName) ? null : externalName.Trim();
        Changed(call, l);
    }

    private static void UpdateWorkplaceType(AshbyCall call)
    {
        if (!call.RequiredGuid("locationId", out var id)) return;
        if (!call.Present("workplaceType", out _))
        {
            call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: workplaceType");
            return;
        }

        if (!call.OptionalWorkplaceType(out var workplaceType)) return;
        if (Find(call, id) is not { } l) return;
        if (l.IsHierarchy)
        {
            call.Fail(ErrorCodes.InvalidInput, $"Location {id} is a location hierarchy, which has no workplace type.");
            return;
        }

        l.WorkplaceType = workplaceType!.Value;
        Changed(call, l);
    }

    private static void Archive(AshbyCall call) => SetArchived(call, true);

    private static void Restore(AshbyCall call) => SetArchived(call, false);

    /// <summary>Archiving an archived location (or restoring a live one) answers it unchanged.</summary>
    private static void SetArchived(AshbyCall call, bool archived)
    {
        if (!call.RequiredGuid("locationId", out var id)) return;
        if (Find(call, id) is not { } l) return;
        if (l.IsArchived == archived)
        {
            call.Success(w => OrganizationJson.Location(w, l));
            return;
        }

        l.IsArchived = archived;
        Changed(call, l);
    }

    private static Location? Find(AshbyCall call, Guid id)
    {
        var l = call.Org.FindLocation(id);
        if (l is null) call.NotFound(ErrorCodes.LocationNotFound, "Location", id);
        return l;
    }

    /// <summary>A parent must be an existing, live location hierarchy.</summary>
    private static bool FindHierarchy(AshbyCall call, string parameter, Guid id, out Location? parent)
    {
        parent = call.Org.FindLocation(id);
        if (parent is null) return call.Fail(ErrorCodes.LocationNotFound, $"{parameter}: location {id} was not found.");
        if (!parent.IsHierarchy) return call.Fail(ErrorCodes.InvalidInput, $"{parameter}: location {id} is a Location, not a LocationHierarchy; only hierarchies contain locations.");
        return !parent.IsArchived || call.Fail(ErrorCodes.InvalidInput, $"{parameter}: location hierarchy {id} is archived; restore it first.");
    }

    private static void Changed(AshbyCall call, Location l)
    {
        call.Org.Touch(l, call.NowMs);
        call.Success(w => OrganizationJson.Location(w, l));
    }
}
