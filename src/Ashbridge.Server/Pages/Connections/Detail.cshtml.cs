using Microsoft.AspNetCore.Authorization;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Webhooks;
using Ashbridge.Server.Access;
using Ashbridge.Server.Connections;
using Ashbridge.Server.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Connections;

/// <summary>One connection: its pre-flight, sync now with live progress, its streams, and its run history with a chart.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class DetailModel(ConnectionAccess access, ConnectionAdministration admin, WebhookSecrets secrets, WebhookBacklog queue, WebhookRegistrar registrar, ConnectionWebhooks webhooks, Ashbridge.Core.Access.AuditLog audit, IConfiguration configuration) : PageModel
{
    /// <summary>Passes shown in the history and the chart.</summary>
    public const int HistoryLength = 20;

    public ConnectionDetail Detail { get; private set; } = null!;

    /// <summary>The webhook inbox of the connection: what to paste into Ashby, and what arrived.</summary>
    public WebhookSetup Webhooks { get; private set; } = null!;

    /// <summary>A message after an action (sync queued, key checked), or its refusal.</summary>
    public string? Notice { get; private set; }

    public ConnectionRefusal? Refusal { get; private set; }

    /// <summary>A pass was just queued: the live progress waits for it to start.</summary>
    public bool WaitingForRun { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, bool added, bool queued, long? finished, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, name, ct) is not { } connection) return NotFound();
        await LoadAsync(connection, ct);
        Notice = added ? "Connection added: its key passed the pre-flight below, and its first pass has started."
            : queued ? "Sync queued."
            : finished is { } run && Detail.Runs.FirstOrDefault(r => r.RunId == run) is { } done ? $"Pass {run} finished: {OutcomeDisplay.Text(done.Outcome)}."
            : null;
        WaitingForRun = added || queued;
        return Page();
    }

    public async Task<IActionResult> OnPostSyncAsync(string name, bool full, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        await admin.SyncNowAsync(connection, full ? SyncMode.Full : SyncMode.Incremental, ct);
        return RedirectToPage(new { name, queued = true });
    }

    public async Task<IActionResult> OnPostCheckAsync(string name, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        var checkedAgain = await admin.CheckAsync(connection, ct);
        Refusal = checkedAgain.Refusal;
        Notice = checkedAgain.Succeeded ? "Pre-flight run again." : null;
        await LoadAsync(connection, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(string name, long? eventId, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        var count = await queue.ReplayAsync(connection.Id, eventId, ct); // wakes the processor
        await audit.WriteAsync(User.Actor(), "webhook.replay", connection.Name, eventId is { } id ? $"event {id}" : "all dead letters", ct);
        Notice = count == 1 ? "1 event queued again." : $"{count} events queued again.";
        await LoadAsync(connection, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateSecretAsync(string name, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        await secrets.RotateSecretAsync(connection.Id, ct);
        await audit.WriteAsync(User.Actor(), "webhook.secret.rotate", connection.Name, null, ct);
        try
        {
            await registrar.UpdateSecretAsync(connection, ct);
            Notice = "New Secret Token made and given to the webhooks Ashbridge registered; paste it into any webhook you made by hand in Ashby.";
        }
        catch (Ashbridge.Ashby.AshbyApiException ex)
        {
            Refusal = new ConnectionRefusal(ConnectionRefusalKind.AshbyFailed, "Ashby did not take the new Secret Token", $"{AshbyFailure.Classify(ex).Message} Its webhooks will be refused until they have it: try again, or paste it in Ashby.");
        }
        await LoadAsync(connection, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(string name, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        var (registered, refusal) = await webhooks.RegisterAsync(connection, WebhookRequestUrl.For(Request, configuration, connection.Name), ct);
        Refusal = refusal;
        if (refusal is null)
        {
            await audit.WriteAsync(User.Actor(), "webhook.register", connection.Name, $"{registered.Count} webhooks in Ashby", ct);
            Notice = $"{registered.Count} webhooks registered in Ashby; each was pinged and answered.";
        }

        await LoadAsync(connection, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string name, CancellationToken ct)
    {
        if (!User.IsHubAdmin()) return Forbid();
        if (await access.FindVisibleAsync(User, name, ct) is not { } connection) return NotFound();
        await admin.RemoveAsync(connection, ct);
        await audit.WriteAsync(User.Actor(), "connection.remove", connection.Name, null, ct);
        return RedirectToPage("Index");
    }

    /// <summary>The connection a change is asked for: only those who may operate it change things.</summary>
    private async Task<Connection?> AdminTargetAsync(string name, CancellationToken ct) =>
        User.MayOperate() ? await access.FindVisibleAsync(User, name, ct) : null;

    private async Task LoadAsync(Connection connection, CancellationToken ct)
    {
        Detail = await admin.DetailAsync(connection, HistoryLength, ct);
        Webhooks = await webhooks.SetupAsync(connection, WebhookRequestUrl.For(Request, configuration, connection.Name), ct);
    }

    /// <summary>The run the live progress starts after: the newest finished one (a running one is shown at once).</summary>
    public long LiveAfterRun => Detail.Runs.Count == 0 ? 0 : Detail.Runs[0].Outcome == SyncOutcome.Running ? Detail.Runs[0].RunId - 1 : Detail.Runs[0].RunId;

    /// <summary>Rows a pass wrote or removed: new, changed and deleted.</summary>
    public static long Records(SyncRunResult run) => run.Streams.Sum(s => s.New + s.Changed + s.Deleted);
}
