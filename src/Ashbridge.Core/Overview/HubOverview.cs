using Ashbridge.Core.Connections;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Outbound;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Webhooks;
using Dapper;

namespace Ashbridge.Core.Overview;

/// <summary>
/// The home page's use case (and <c>GET /api/overview</c>'s): per visible connection, its health at a glance and what
/// waits for a person; the hub's outbound endpoint; and the next steps of a new install.
/// </summary>
public sealed class HubOverview(
    AshbridgeDatabase database, SyncHistory history, WebhookInbox inbox, WebhookRegistrar registrar, NewHireReview newHires, OutboundDeliveries outbound,
    TimeProvider timeProvider)
{
    /// <summary>The overview of <paramref name="visible"/> (the connections the person may see), in the order given.</summary>
    /// <param name="demoConnection">The name of the demo emulator's connection when the hub runs the demo, else null.</param>
    /// <param name="withCompensation">Whether the person sees compensation: a missing salary counts as a missing field only for them.</param>
    public async Task<HubOverviewReport> ReadAsync(
        IReadOnlyList<Connection> visible, string? demoConnection, bool withCompensation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var now = timeProvider.GetUtcNow();
        var connections = new List<ConnectionHealth>(visible.Count);
        foreach (var c in visible)
        {
            connections.Add(await HealthAsync(c, c.Name == demoConnection, withCompensation, now, cancellationToken).ConfigureAwait(false));
        }

        var endpoint = await outbound.GetEndpointAsync(cancellationToken).ConfigureAwait(false);
        var outboundHealth = new OutboundHealth(endpoint is not null, endpoint?.Enabled == true, await FailingDeliveriesAsync(cancellationToken).ConfigureAwait(false));
        return new HubOverviewReport(now, connections, outboundHealth, NextSteps(connections, outboundHealth));
    }

    /// <summary>What a new install still needs, most basic first.</summary>
    private static List<NextStep> NextSteps(List<ConnectionHealth> connections, OutboundHealth outboundHealth)
    {
        var steps = new List<NextStep>();
        if (connections.All(c => c.IsDemo))
        {
            steps.Add(new NextStep(NextStepKind.AddConnection, null, "Add your Ashby connection",
                connections.Count == 0
                    ? "Ashbridge has no Ashby account to mirror yet. Add one with an Ashby API key."
                    : "Ashbridge is showing its built-in demo. Add your own Ashby account with an Ashby API key to mirror it.",
                "/connections"));
        }

        foreach (var c in connections.Where(c => !c.IsDemo && c.Webhooks.Events == 0 && c.Webhooks.Registered == 0))
        {
            steps.Add(new NextStep(NextStepKind.RegisterWebhooks, c.Name, $"Register webhooks for {c.Name}",
                "No webhook has arrived from Ashby yet, so changes wait for the next scheduled pass. Register the webhooks on the connection's page.",
                $"/connections/{Uri.EscapeDataString(c.Name)}"));
        }

        if (!outboundHealth.Configured)
        {
            steps.Add(new NextStep(NextStepKind.SetOutboundEndpoint, null, "Set an outbound endpoint",
                "Approved new hires are sent nowhere yet. Set the URL Ashbridge should send them to.", "/outbound"));
        }

        return steps;
    }

    private async Task<ConnectionHealth> HealthAsync(Connection c, bool isDemo, bool withCompensation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = await history.LastRunAsync(c.Id, cancellationToken).ConfigureAwait(false);
        var streams = await history.StreamStatesAsync(c.Id, cancellationToken).ConfigureAwait(false);
        var rejections = await inbox.RejectionsAsync(c.Id, cancellationToken).ConfigureAwait(false);
        var registered = await registrar.ListAsync(c.Id, cancellationToken).ConfigureAwait(false);
        var pending = await newHires.ListAsync(c.Id, NewHireState.Pending, cancellationToken).ConfigureAwait(false);

        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var succeededMs = await db.QuerySingleAsync<long?>(new CommandDefinition(
            "SELECT MAX(finished_ms) FROM sync_runs WHERE connection_id = @id AND outcome = @succeeded",
            new { id = c.Id, succeeded = StoredText.Of(SyncOutcome.Succeeded) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var events = await db.QuerySingleAsync<(long Count, long Dead)>(new CommandDefinition(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN state = @dead THEN 1 ELSE 0 END), 0) FROM webhook_events WHERE connection_id = @id",
            new { id = c.Id, dead = StoredText.Of(WebhookEventState.Dead) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var lastEvent = await db.QuerySingleOrDefaultAsync<(string Action, long ReceivedMs)?>(new CommandDefinition(
            "SELECT action, received_ms FROM webhook_events WHERE connection_id = @id ORDER BY id DESC LIMIT 1",
            new { id = c.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false);

        DateTimeOffset? dataAsOf = succeededMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        return new ConnectionHealth(
            c.Name,
            c.BaseUrl,
            isDemo,
            last is null ? null : new PassSummary(last.RunId, last.Trigger, last.RequestedMode, last.Outcome, last.StartedAt, last.FinishedAt, last.Error),
            dataAsOf,
            dataAsOf is { } at ? Math.Max(0, (long)(now - at).TotalSeconds) : null,
            new WebhookHealth(
                lastEvent is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e.ReceivedMs) : null, lastEvent?.Action,
                events.Count, rejections.Forged, rejections.WithoutSignature, events.Dead, registered.Count),
            new NewHireCounts(pending.Count, pending.Count(h => (withCompensation ? h : h.WithoutCompensation()).Missing.Count > 0)),
            streams);
    }

    /// <summary>Deliveries that failed every retry, or are waiting to be retried after a failure (as the navigation counts them).</summary>
    private async Task<long> FailingDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await db.QuerySingleAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM outbound_deliveries WHERE state = 'failed' OR (state = 'pending' AND attempts > 0)",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
