using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Connections;

/// <summary>What a key lets the mirror read, one row per stream.</summary>
/// <param name="Stream">The mirror stream (<c>candidates</c>).</param>
/// <param name="Endpoint">The Ashby endpoint it reads.</param>
/// <param name="Permission">The permission it needs (<c>candidatesRead</c>).</param>
/// <param name="Module">Ashby's module name for it, as the API Keys page shows it.</param>
/// <param name="State">Whether the key holds it.</param>
public sealed record StreamAccess(string Stream, string Endpoint, string Permission, string Module, PermissionState State);

/// <summary>Whether some data behind a key flag can be seen.</summary>
public enum VisibilityState
{
    /// <summary>The key sees it: at least one such object came back.</summary>
    Visible,

    /// <summary>None came back: the key lacks the flag, or the organisation has none.</summary>
    NoneVisible,

    /// <summary>The key cannot read the list that would tell.</summary>
    Unknown,
}

/// <summary>The answer for one key flag, with what it means for the admin.</summary>
public sealed record Visibility(VisibilityState State, string Detail);

/// <summary>A connection's pre-flight: the key's permissions per feature and per stream, and what its flags let it see.</summary>
public sealed record PreflightReport(
    DateTimeOffset CheckedAt,
    KeyCheckReport Key,
    IReadOnlyList<StreamAccess> Streams,
    Visibility ConfidentialJobs,
    Visibility PrivateFields)
{
    /// <summary>Streams the sync will skip, for want of a permission.</summary>
    public IEnumerable<StreamAccess> SkippedStreams => Streams.Where(s => s.State == PermissionState.Missing);
}

/// <summary>
/// Runs the pre-flight of a key: <see cref="KeyCheck"/> for the permissions, then one row per mirror stream, then a look
/// at the jobs and custom fields to tell whether confidential jobs and private fields are visible (Ashby's
/// <c>apiKey.info</c> does not report those two flags).
/// </summary>
public sealed class Preflight(AshbyClient client, TimeProvider timeProvider)
{
    /// <summary>Runs it.</summary>
    /// <exception cref="AshbyAuthenticationException">The key is wrong or deactivated.</exception>
    /// <exception cref="AshbyApiException">Ashby could not be reached or failed.</exception>
    public async Task<PreflightReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var key = await new KeyCheck(client).RunAsync(cancellationToken).ConfigureAwait(false);
        var permissions = key.Permissions.ToDictionary(p => p.Permission, StringComparer.Ordinal);
        var streams = MirrorStreams.All
            .Select(s =>
            {
                var state = permissions.TryGetValue(s.Permission, out var p) ? p.State : PermissionState.Unknown;
                return new StreamAccess(s.Name, s.Endpoint, s.Permission, AshbyPermissions.ToModule(s.Permission) ?? s.Permission, state);
            })
            .ToList();

        var confidential = Granted(permissions, AshbyPermissions.JobsRead)
            ? await AnyAsync("job.list", new JsonObject(), o => Bool(o, "confidential"), cancellationToken).ConfigureAwait(false)
                ? new Visibility(VisibilityState.Visible, "Confidential jobs, their applications and candidates are visible to this key.")
                : new Visibility(VisibilityState.NoneVisible,
                    "No confidential job is visible: either the organisation has none, or the key lacks \"Allow access to confidential jobs and projects\" and they will be missing from the mirror.")
            : new Visibility(VisibilityState.Unknown, "Cannot tell without Jobs read.");

        var privateFields = Granted(permissions, AshbyPermissions.HiringProcessMetadataRead)
            ? await AnyAsync("customField.list", new JsonObject { ["includeArchived"] = true },
                    o => Bool(o, "isPrivate") && o.TryGetProperty("objectType", out var t) && t.GetString() != "Offer", cancellationToken).ConfigureAwait(false)
                ? new Visibility(VisibilityState.Visible, "Private (non-offer) custom fields are visible to this key.")
                : new Visibility(VisibilityState.NoneVisible,
                    "No private non-offer custom field is visible: either there are none, or the key lacks \"Allow access to non-offer private fields\" and their values will be missing.")
            : new Visibility(VisibilityState.Unknown, "Cannot tell without Hiring Process Metadata read.");

        return new PreflightReport(timeProvider.GetUtcNow(), key, streams, confidential, privateFields);
    }

    private static bool Granted(Dictionary<string, PermissionStatus> permissions, string permission) =>
        permissions.TryGetValue(permission, out var p) && p.State == PermissionState.Granted;

    private static bool Bool(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>Pages through a list until one object matches.</summary>
    private async Task<bool> AnyAsync(string endpoint, JsonObject body, Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var request = (JsonObject)body.DeepClone();
            request["limit"] = 100;
            if (cursor is not null) request["cursor"] = cursor;
            var envelope = await client.SendRawEnvelopeAsync(endpoint, request, null, cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(envelope);
            var root = document.RootElement;
            if (root.GetProperty("results").EnumerateArray().Any(match)) return true;
            cursor = Bool(root, "moreDataAvailable") ? root.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);
        return false;
    }
}
