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

/// <summary>
/// One connection: its pre-flight, sync now with live progress, its streams, its webhook inbox, and its run history
/// with charts. Every action answers with a redirect (Post/Redirect/Get) and a flash message.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class DetailModel(ConnectionAccess access, ConnectionAdministration admin, WebhookSecrets secrets, WebhookBacklog queue, WebhookRegistrar registrar, ConnectionWebhooks webhooks, Ashbridge.Core.Access.AuditLog audit, IConfiguration configuration, TimeProvider time) : PageModel
{
    /// <summary>Passes shown in the history table.</summary>
    public const int HistoryLength = 20;

    public ConnectionDetail Detail { get; private set; } = null!;

    /// <summary>The webhook inbox of the connection: what to paste into Ashby, and what arrived.</summary>
    public WebhookSetup Webhooks { get; private set; } = null!;

    /// <summary>The pass the live progress follows: one queued with "sync now", or the first pass of a connection just added; null when none.</summary>
    public AwaitedPass? Awaited { get; private set; }

    /// <summary>The run <see cref="Awaited"/> became, when it has started (or already ended) by the time the page is drawn.</summary>
    public SyncRunResult? AwaitedRun { get; private set; }

    /// <summary>Now, for the data age.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <param name="name">The connection.</param>
    /// <param name="since">With <paramref name="trigger"/>: follow the first pass that started at or after this (Unix ms).</param>
    /// <param name="trigger">The trigger of the pass followed (<c>manual</c> after "sync now"); any when absent.</param>
    /// <param name="ct">Cancels the request.</param>
    public async Task<IActionResult> OnGetAsync(string name, long? since, string? trigger, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(User, name, ct) is not { } connection) return NotFound();
        await LoadAsync(connection, ct);
        if (since is { } ms and >= 0)
        {
            Awaited = new AwaitedPass(ms, string.IsNullOrWhiteSpace(trigger) ? null : trigger);
            AwaitedRun = Detail.Runs.Where(Awaited.Matches).MinBy(r => r.RunId);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSyncAsync(string name, bool full, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        var queued = await admin.SyncNowAsync(connection, full ? SyncMode.Full : SyncMode.Incremental, ct);
        TempData.Ok(full ? "Full sync queued: every stream is read again from the start." : "Sync queued: its progress shows below.");
        return RedirectToPage(new { name, since = queued.QueuedAt.ToUnixTimeMilliseconds(), trigger = QueuedPass.Trigger });
    }

    public async Task<IActionResult> OnPostCheckAsync(string name, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        var checkedAgain = await admin.CheckAsync(connection, ct);
        if (checkedAgain.Succeeded) TempData.Ok("Pre-flight run again: its result is below.");
        else TempData.Error($"{checkedAgain.Refusal.Title}. {checkedAgain.Refusal.Detail}");
        return RedirectToPage(new { name });
    }

    public async Task<IActionResult> OnPostReplayAsync(string name, long? eventId, string? returnTo, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        var count = await queue.ReplayAsync(connection.Id, eventId, ct); // wakes the processor
        await audit.WriteAsync(User.Actor(), "webhook.replay", connection.Name, eventId is { } id ? $"event {id}" : "all dead letters", ct);
        TempData.Ok(count == 1 ? "1 event queued again." : $"{count} events queued again.");
        // The webhook inbox replays through here too, and goes back to its own list (a local path only).
        return returnTo is { Length: > 0 } && Url.IsLocalUrl(returnTo) ? LocalRedirect(returnTo) : RedirectToPage(new { name });
    }

    public async Task<IActionResult> OnPostRotateSecretAsync(string name, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        await secrets.RotateSecretAsync(connection.Id, ct);
        await audit.WriteAsync(User.Actor(), "webhook.secret.rotate", connection.Name, null, ct);
        try
        {
            await registrar.UpdateSecretAsync(connection, ct);
            TempData.Ok("New Secret Token made and given to the webhooks Ashbridge registered; paste it into any webhook you made by hand in Ashby.");
        }
        catch (Ashbridge.Ashby.AshbyApiException ex)
        {
            TempData.Error($"Ashby did not take the new Secret Token. {AshbyFailure.Classify(ex).Message} Its webhooks will be refused until they have it: try again, or paste it in Ashby.");
        }

        return RedirectToPage(new { name });
    }

    public async Task<IActionResult> OnPostRegisterAsync(string name, CancellationToken ct)
    {
        if (await AdminTargetAsync(name, ct) is not { } connection) return User.MayOperate() ? NotFound() : Forbid();
        var (registered, refusal) = await webhooks.RegisterAsync(connection, WebhookRequestUrl.For(Request, configuration, connection.Name), ct);
        if (refusal is null)
        {
            await audit.WriteAsync(User.Actor(), "webhook.register", connection.Name, $"{registered.Count} webhooks in Ashby", ct);
            TempData.Ok($"{registered.Count} webhooks registered in Ashby; each was pinged and answered.");
        }
        else
        {
            TempData.Error($"{refusal.Title}. {refusal.Detail}");
        }

        return RedirectToPage(new { name });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string name, CancellationToken ct)
    {
        if (!User.IsHubAdmin()) return Forbid();
        if (await access.FindVisibleAsync(User, name, ct) is not { } connection) return NotFound();
        await admin.RemoveAsync(connection, ct);
        await audit.WriteAsync(User.Actor(), "connection.remove", connection.Name, null, ct);
        TempData.Ok($"Connection {connection.Name} removed, with its mirror and run history.");
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

    /// <summary>Rows a pass wrote or removed: new, changed and deleted.</summary>
    public static long Records(SyncRunResult run) => run.Streams.Sum(s => s.New + s.Changed + s.Deleted);

    /// <summary>The pass the page waits for: the first run started at or after <paramref name="SinceMs"/>, with <paramref name="Trigger"/> when given.</summary>
    public sealed record AwaitedPass(long SinceMs, string? Trigger)
    {
        public bool Matches(SyncRunResult run) => run.StartedAt.ToUnixTimeMilliseconds() >= SinceMs && (Trigger is null || run.Trigger == Trigger);
    }
}
