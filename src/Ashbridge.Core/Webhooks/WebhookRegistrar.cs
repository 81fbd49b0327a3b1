using Ashbridge.Ashby;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// Registers the webhooks a connection needs in Ashby with <c>webhook.create</c> (when its key has the API Keys write
/// permission), with the connection's Request URL and Secret Token; keeps them in step when the secret is rotated;
/// removes them when the connection goes. Ashby has no <c>webhook.list</c>, so the ids are kept here.
/// </summary>
public sealed class WebhookRegistrar(AshbridgeDatabase database, WebhookSecrets secrets, AshbyClientPool clients, TimeProvider timeProvider)
{
    /// <summary>The types the mirror and the features use.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        "applicationSubmit", "applicationUpdate", "candidateHire", "candidateStageChange", "candidateDelete", "candidateMerge",
        "offerCreate", "offerUpdate", "offerDelete", "jobCreate", "jobUpdate", "jobPostingPublish", "jobPostingUnpublish",
        "jobPostingUpdate", "jobPostingDelete", "openingCreate",
    ];

    private readonly TimeProvider _time = timeProvider;

    /// <summary>What is registered for the connection.</summary>
    public async Task<IReadOnlyList<WebhookRegistration>> ListAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<(string Type, string Id, string Url, long CreatedMs)>(new CommandDefinition(
            "SELECT webhook_type, ashby_webhook_id, request_url, created_ms FROM webhook_registrations WHERE connection_id = @connectionId ORDER BY webhook_type",
            new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new WebhookRegistration(r.Type, r.Id, r.Url, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs)))];
    }

    /// <summary>Creates, in Ashby, each needed webhook not yet registered (Ashby pings each one as it is made).</summary>
    /// <exception cref="AshbyPermissionException">The key lacks the API Keys write permission.</exception>
    public async Task<IReadOnlyList<WebhookRegistration>> RegisterAsync(Connection connection, string requestUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var existing = (await ListAsync(connection.Id, cancellationToken).ConfigureAwait(false)).Select(r => r.WebhookType).ToHashSet(StringComparer.Ordinal);
        var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
        var secret = await secrets.SecretAsync(connection.Id, cancellationToken).ConfigureAwait(false);
        foreach (var type in Types.Where(t => !existing.Contains(t)))
        {
            var created = await client.Webhooks.CreateAsync(new WebhookCreateRequest { WebhookType = type, RequestUrl = requestUrl, SecretToken = secret }, null, cancellationToken).ConfigureAwait(false);
            // Stored one by one: if Ashby fails midway, what was made is known and the next attempt makes only the rest.
            await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO webhook_registrations (connection_id, webhook_type, ashby_webhook_id, request_url, created_ms) VALUES (@connectionId, @type, @id, @requestUrl, @now)",
                new { connectionId = connection.Id, type, id = created.Id, requestUrl, now = _time.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return await ListAsync(connection.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives every registered webhook the connection's current Secret Token (after a rotation).</summary>
    public async Task UpdateSecretAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var registrations = await ListAsync(connection.Id, cancellationToken).ConfigureAwait(false);
        if (registrations.Count == 0) return;
        var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
        var secret = await secrets.SecretAsync(connection.Id, cancellationToken).ConfigureAwait(false);
        foreach (var r in registrations)
        {
            await client.Webhooks.UpdateAsync(new WebhookUpdateRequest { WebhookId = r.AshbyWebhookId, SecretToken = secret }, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the registered webhooks in Ashby (one already gone there counts as removed); returns how many.</summary>
    public async Task<int> UnregisterAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var registrations = await ListAsync(connection.Id, cancellationToken).ConfigureAwait(false);
        if (registrations.Count == 0) return 0;
        var client = await clients.GetClientAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var r in registrations)
        {
            try
            {
                await client.Webhooks.DeleteAsync(new WebhookDeleteRequest { WebhookId = r.AshbyWebhookId }, null, cancellationToken).ConfigureAwait(false);
            }
            catch (AshbyNotFoundException)
            {
                // Deleted in Ashby's UI already.
            }

            await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await db.ExecuteAsync(new CommandDefinition(
                "DELETE FROM webhook_registrations WHERE connection_id = @connectionId AND webhook_type = @type",
                new { connectionId = connection.Id, type = r.WebhookType }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return registrations.Count;
    }
}
