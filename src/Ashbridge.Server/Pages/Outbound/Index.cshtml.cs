using Ashbridge.Core.Access;
using Ashbridge.Core.Outbound;
using Ashbridge.Server.Access;
using Ashbridge.Server.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Outbound;

/// <summary>
/// Where members are sent: the endpoint (set, switched on or off, its signing secret rotated and shown once), the
/// delivery log by state with "send again" for failed ones, and sending the members added before the endpoint existed.
/// </summary>
[Authorize(Policy = AccessPolicies.HubAdmin)]
public sealed class IndexModel(OutboundDeliveries outbound, AuditLog audit) : PageModel
{
    public const int PageSize = 25;

    /// <summary>TempData key of a secret just made: shown on the next page once, never stored in the page otherwise.</summary>
    private const string SecretKey = "outbound-secret";

    public OutboundEndpoint? Endpoint { get; private set; }

    public OutboundCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public OutboundDeliveryPage Log { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>The state the log is filtered by, or null for all.</summary>
    public OutboundDeliveryState? State { get; private set; }

    /// <summary>The signing secret, on the page after it was created or rotated only.</summary>
    public string? Secret { get; private set; }

    [BindProperty]
    public string? EndpointUrl { get; set; }

    [BindProperty]
    public bool Enabled { get; set; } = true;

    /// <summary>Why the endpoint was not saved, shown beside the URL.</summary>
    public string? UrlError { get; private set; }

    public async Task OnGetAsync(string? state, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Secret = TempData[SecretKey] as string;
        await LoadAsync(state, pageNumber, ct);
        EndpointUrl = Endpoint?.Url;
        Enabled = Endpoint?.Enabled ?? true;
    }

    public async Task<IActionResult> OnPostEndpointAsync(CancellationToken ct)
    {
        string? secret;
        try
        {
            secret = await outbound.SetEndpointAsync(EndpointUrl?.Trim() ?? "", Enabled, rotateSecret: false, ct);
        }
        catch (ArgumentException)
        {
            UrlError = string.IsNullOrWhiteSpace(EndpointUrl)
                ? "Give the address your HR system receives webhooks on."
                : $"'{EndpointUrl.Trim()}' is not an http or https address; give one such as https://hr.example.com/hooks/ashbridge.";
            await LoadAsync(null, null, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await audit.WriteAsync(User.Actor(), "outbound.set", EndpointUrl!.Trim(), secret is null ? null : "new signing secret", ct);
        if (secret is not null) TempData[SecretKey] = secret;
        TempData.Ok(secret is null
            ? $"Saved: members are {(Enabled ? "sent" : "not sent while it is off")} to {EndpointUrl.Trim()}."
            : "Endpoint set. Copy the signing secret below into your HR system now: it is shown only this once.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken ct)
    {
        if (await outbound.GetEndpointAsync(ct) is not { } endpoint)
        {
            TempData.Error("Set the endpoint first; it gets its signing secret then.");
            return RedirectToPage();
        }

        var secret = await outbound.SetEndpointAsync(endpoint.Url, endpoint.Enabled, rotateSecret: true, ct);
        await audit.WriteAsync(User.Actor(), "outbound.set", endpoint.Url, "new signing secret", ct);
        TempData[SecretKey] = secret;
        TempData.Warn("The signing secret was rotated. Copy the new one below into your HR system now: deliveries signed with it fail there until you do.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, [FromForm(Name = "state")] string? state, [FromForm(Name = "at")] int? pageNumber, CancellationToken ct)
    {
        if (await outbound.RetryAsync(id, ct))
        {
            await audit.WriteAsync(User.Actor(), "outbound.retry", $"delivery {id}", null, ct);
            TempData.Ok($"Delivery {id} is queued to be sent again.");
        }
        else
        {
            TempData.Error($"Delivery {id} is not failed (it may have been sent again already), so there was nothing to resend.");
        }

        return Redirect(Link(state is { Length: > 0 } && MembersApi.TryName<OutboundDeliveryState>(state, out var s) ? s : null, pageNumber ?? 1));
    }

    public async Task<IActionResult> OnPostSendUndeliveredAsync(CancellationToken ct)
    {
        if (await outbound.GetEndpointAsync(ct) is not { Enabled: true })
        {
            TempData.Error("Set the endpoint and switch it on first: there is nowhere to send members yet.");
            return RedirectToPage();
        }

        var queued = await outbound.SendUndeliveredAsync(User.Actor(), ct);
        if (queued == 0) TempData.Ok("Every active member had already been sent; nothing was queued.");
        else TempData.Ok($"Queued {queued} {(queued == 1 ? "member" : "members")} for delivery; they show as pending below until your HR system answers.");
        return RedirectToPage();
    }

    /// <summary>This page's address for a state and page.</summary>
    public static string Link(OutboundDeliveryState? state, int page = 1)
    {
        var parts = new List<string>();
        if (state is { } s) parts.Add("state=" + s.ToString().ToLowerInvariant());
        if (page > 1) parts.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "/outbound" : "/outbound?" + string.Join("&", parts);
    }

    private async Task LoadAsync(string? state, int? page, CancellationToken ct)
    {
        State = state is { Length: > 0 } && MembersApi.TryName<OutboundDeliveryState>(state, out var s) ? s : null;
        Endpoint = await outbound.GetEndpointAsync(ct);
        Counts = await outbound.CountsAsync(ct);
        Log = await outbound.LogAsync(State, page ?? 1, PageSize, ct);
    }
}
