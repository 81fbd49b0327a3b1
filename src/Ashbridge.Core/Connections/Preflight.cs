using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Connections;

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
            ? await AnyAsync("job.list", null, o => Bool(o, AshbyFields.Confidential), cancellationToken).ConfigureAwait(false)
                ? new Visibility(VisibilityState.Visible, "Confidential jobs, their applications and candidates are visible to this key.")
                : new Visibility(VisibilityState.NoneVisible,
                    "No confidential job is visible: either the organisation has none, or the key lacks \"Allow access to confidential jobs and projects\" and they will be missing from the mirror.")
            : new Visibility(VisibilityState.Unknown, "Cannot tell without Jobs read.");

        var privateFields = Granted(permissions, AshbyPermissions.HiringProcessMetadataRead)
            ? await AnyAsync("customField.list", new JsonObject { ["includeArchived"] = true },
                    o => Bool(o, AshbyFields.IsPrivate) && o.TryGetProperty(AshbyFields.ObjectType, out var t) && t.GetString() != "Offer", cancellationToken).ConfigureAwait(false)
                ? new Visibility(VisibilityState.Visible, "Private (non-offer) custom fields are visible to this key.")
                : new Visibility(VisibilityState.NoneVisible,
                    "No private non-offer custom field is visible: either there are none, or the key lacks \"Allow access to non-offer private fields\" and their values will be missing.")
            : new Visibility(VisibilityState.Unknown, "Cannot tell without Hiring Process Metadata read.");

        return new PreflightReport(timeProvider.GetUtcNow(), key, streams, confidential, privateFields);
    }

    private static bool Granted(Dictionary<string, PermissionStatus> permissions, string permission) =>
        permissions.TryGetValue(permission, out var p) && p.State == PermissionState.Granted;

    private static bool Bool(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>Reads a list's pages until one object matches.</summary>
    private async Task<bool> AnyAsync(string endpoint, JsonObject? parameters, Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        var request = new AshbyRawPageRequest { Parameters = parameters, Limit = AshbyListRequest.MaxLimit };
        await foreach (var page in client.EnumerateRawPagesAsync(endpoint, request, cancellationToken).ConfigureAwait(false))
        {
            using (page)
            {
                if (page.Results.EnumerateArray().Any(match)) return true;
            }
        }

        return false;
    }
}
