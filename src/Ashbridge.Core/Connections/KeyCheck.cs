using Ashbridge.Ashby;

namespace Ashbridge.Core.Connections;

/// <summary>
/// The pre-flight of a connection: asks Ashby what the key may do (<c>apiKey.info</c>) and maps it onto
/// every feature. A key without the API Keys read permission cannot list its scopes, so read permissions
/// are then probed with one cheap list call each; write permissions are never probed (that would write).
/// </summary>
public sealed class KeyCheck(AshbyClient client)
{
    /// <summary>One harmless read per read permission, used when the key cannot read its own scopes.</summary>
    private static readonly (string Permission, string Endpoint)[] Probes =
    [
        (AshbyPermissions.CandidatesRead, "candidate.list"),
        (AshbyPermissions.JobsRead, "job.list"),
        (AshbyPermissions.OrganizationRead, "department.list"),
        (AshbyPermissions.OffersRead, "offer.list"),
        (AshbyPermissions.HiringProcessMetadataRead, "source.list"),
        (AshbyPermissions.InterviewsRead, "interviewPlan.list"),
    ];

    /// <summary>Runs the check.</summary>
    /// <exception cref="AshbyAuthenticationException">The key is missing, wrong or deactivated.</exception>
    public async Task<KeyCheckReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, PermissionState>(StringComparer.Ordinal);
        string? title = null;
        DateTimeOffset? createdAt = null;
        string source;
        try
        {
            var info = await client.ApiKey.InfoAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            title = info.Title;
            createdAt = info.CreatedAt;
            var scopes = info.Scopes.ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var permission in AllPermissions())
            {
                states[permission] = scopes.Contains(AshbyPermissions.ToScope(permission)!) ? PermissionState.Granted : PermissionState.Missing;
            }

            // apiKey.info answered, so the key can read it whatever its scope list says.
            states[AshbyPermissions.ApiKeysRead] = PermissionState.Granted;
            source = "apiKey.info";
        }
        catch (AshbyPermissionException)
        {
            foreach (var permission in AllPermissions())
            {
                states[permission] = PermissionState.Unknown;
            }

            states[AshbyPermissions.ApiKeysRead] = PermissionState.Missing;
            foreach (var (permission, endpoint) in Probes)
            {
                states[permission] = await ProbeAsync(endpoint, cancellationToken).ConfigureAwait(false);
            }

            source = "probing read endpoints (the key lacks API Keys read, so it cannot list its scopes)";
        }

        var permissions = AllPermissions().Select(p => Status(p, states[p])).ToList();
        var byName = permissions.ToDictionary(p => p.Permission, StringComparer.Ordinal);
        var features = FeatureRequirements.All
            .Select(f => new FeatureStatus(f, f.Permissions.Select(p => byName[p]).ToList()))
            .ToList();
        return new KeyCheckReport(title, createdAt, source, permissions, features);
    }

    private async Task<PermissionState> ProbeAsync(string endpoint, CancellationToken cancellationToken)
    {
        try
        {
            var parameters = new System.Text.Json.Nodes.JsonObject { ["limit"] = 1 };
            await client.SendRawAsync(endpoint, parameters, cancellationToken: cancellationToken).ConfigureAwait(false);
            return PermissionState.Granted;
        }
        catch (AshbyPermissionException)
        {
            return PermissionState.Missing;
        }
    }

    private static IEnumerable<string> AllPermissions() =>
        FeatureRequirements.All.SelectMany(f => f.Permissions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static PermissionStatus Status(string permission, PermissionState state)
    {
        var requirement = AshbyPermissions.ToScope(permission)
            ?? throw new InvalidOperationException($"'{permission}' is not in Ashbridge.Ashby's permission table.");
        return new PermissionStatus(permission, requirement, AshbyPermissions.ToModule(permission)!, permission.EndsWith("Write", StringComparison.Ordinal), state);
    }
}
