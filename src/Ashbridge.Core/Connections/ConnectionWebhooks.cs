using Ashbridge.Ashby;
using Ashbridge.Core.Webhooks;

namespace Ashbridge.Core.Connections;

/// <summary>
/// What the pages and the API show and do about a connection's webhooks: the setup to paste into Ashby, the inboxes
/// across connections, and registering the webhooks in Ashby (refused in words when the key cannot). The one place the
/// hosts read the inbox.
/// </summary>
public sealed class ConnectionWebhooks(WebhookSecrets secrets, WebhookInbox inbox, WebhookRegistrar registrar)
{
    /// <summary>The connection's setup, with <paramref name="requestUrl"/> (the host knows its own address).</summary>
    public async Task<WebhookSetup> SetupAsync(Connection connection, string requestUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new WebhookSetup(
            requestUrl,
            await secrets.SecretAsync(connection.Id, cancellationToken).ConfigureAwait(false),
            await inbox.RejectionsAsync(connection.Id, cancellationToken).ConfigureAwait(false),
            await inbox.ActivityAsync(connection.Id, cancellationToken).ConfigureAwait(false),
            [.. (await inbox.RecentAsync(connection.Id, null, 20, cancellationToken).ConfigureAwait(false)).Select(WebhookEventSummary.Of)],
            [.. (await inbox.RecentAsync(connection.Id, WebhookEventState.Dead, 100, cancellationToken).ConfigureAwait(false)).Select(WebhookEventSummary.Of)],
            await registrar.ListAsync(connection.Id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Each of <paramref name="visible"/> with its refusals, its <paramref name="shown"/> latest events and its dead letters' count.</summary>
    public async Task<IReadOnlyList<WebhookInboxOverview>> InboxesAsync(IEnumerable<Connection> visible, int shown, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var inboxes = new List<WebhookInboxOverview>();
        foreach (var c in visible)
        {
            inboxes.Add(new WebhookInboxOverview(c,
                await inbox.RejectionsAsync(c.Id, cancellationToken).ConfigureAwait(false),
                await inbox.RecentAsync(c.Id, null, shown, cancellationToken).ConfigureAwait(false),
                (await inbox.RecentAsync(c.Id, WebhookEventState.Dead, 1000, cancellationToken).ConfigureAwait(false)).Count));
        }

        return inboxes;
    }

    /// <summary>Creates the needed webhooks in Ashby; what was created is kept when Ashby fails midway.</summary>
    public async Task<(IReadOnlyList<WebhookRegistration> Registered, ConnectionRefusal? Refusal)> RegisterAsync(
        Connection connection, string requestUrl, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await registrar.RegisterAsync(connection, requestUrl, cancellationToken).ConfigureAwait(false), null);
        }
        catch (AshbyPermissionException ex)
        {
            return ([], new ConnectionRefusal(ConnectionRefusalKind.PermissionMissing, "The key cannot create webhooks",
                $"Ashby refused: {ex.Message} The key needs the API Keys write permission (apiKeysWrite) to create webhooks; grant it, or paste the Request URL and Secret Token into Ashby yourself."));
        }
        catch (AshbyApiException ex)
        {
            return ([], new ConnectionRefusal(ConnectionRefusalKind.AshbyFailed, "Ashby could not create the webhooks",
                $"Ashby failed: {AshbyFailure.Classify(ex).Message} What was created is kept; try again to create the rest."));
        }
    }
}
