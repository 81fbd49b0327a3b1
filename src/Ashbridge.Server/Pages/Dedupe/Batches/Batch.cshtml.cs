using Ashbridge.Core.Connections;
using Ashbridge.Core.Dedupe.Batches;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Dedupe.Batches;

/// <summary>
/// One batch: its column mapping (changed here, then planned again), the plan of every row (paged, by action), a
/// person's decision on the rows that need one, the Run button, live progress while it runs, and the report.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class BatchModel(ConnectionAccess access, DedupeBatches batches) : PageModel
{
    public const int PageSize = 100;

    public Connection? Connection { get; private set; }

    public DedupeBatch? Batch { get; private set; }

    public IReadOnlyList<DedupeBatchRow> Rows { get; private set; } = [];

    /// <summary>The row number the page starts after; the next page's, when there is one.</summary>
    public int After { get; private set; }

    public int? NextAfter { get; private set; }

    /// <summary>The action the table is narrowed to, or null for every row.</summary>
    public string? Action { get; private set; }

    /// <summary>Why the last mapping or decision was refused.</summary>
    public string? Problem { get; private set; }

    public string BaseUrl => $"/dedupe/{Uri.EscapeDataString(Connection!.Name)}/batches/{Batch!.Id}";

    public string ApiUrl => $"/api/connections/{Uri.EscapeDataString(Connection!.Name)}/dedupe/batches/{Batch!.Id}";

    public string Link(string? action, int after) =>
        BaseUrl + (action is null && after == 0 ? "" : "?" + string.Join("&", new[] { action is null ? null : $"show={action}", after == 0 ? null : $"after={after}" }.Where(p => p is not null)));

    public async Task<IActionResult> OnGetAsync(string connection, long id, string? show, int? after, CancellationToken ct) =>
        await LoadAsync(connection, id, show, after ?? 0, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMappingAsync(string connection, long id, CancellationToken ct)
    {
        if (!await LoadAsync(connection, id, null, 0, ct)) return NotFound();
        if (!User.MayOperate()) return Forbid();
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < Batch!.Headers.Count; i++)
        {
            changes[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = Request.Form[$"field-{i}"].ToString();
        }

        try
        {
            await batches.RemapAsync(id, changes, ct);
            TempData.Ok("The mapping is changed and every row planned again.");
            return Redirect(BaseUrl);
        }
        catch (DedupeBatchException ex)
        {
            return Refused(ex.Message);
        }
    }

    public async Task<IActionResult> OnPostDecideAsync(string connection, long id, int row, string? decision, CancellationToken ct)
    {
        if (!await LoadAsync(connection, id, null, 0, ct)) return NotFound();
        if (!User.MayOperate()) return Forbid();
        try
        {
            await batches.DecideAsync(id, row, decision, ct);
            TempData.Ok($"Row {row}: {(string.IsNullOrWhiteSpace(decision) ? "follows the plan" : decision)}.");
            return Redirect(BaseUrl);
        }
        catch (DedupeBatchException ex)
        {
            return Refused(ex.Message);
        }
    }

    public async Task<IActionResult> OnPostRunAsync(string connection, long id, CancellationToken ct)
    {
        if (!await LoadAsync(connection, id, null, 0, ct)) return NotFound();
        if (!User.MayOperate()) return Forbid();
        await batches.QueueAsync(id, ct);
        TempData.Ok("The batch is running in the background; this page follows it.");
        return Redirect(BaseUrl);
    }

    private PageResult Refused(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string connection, long id, string? action, int after, CancellationToken ct)
    {
        Connection = await access.FindVisibleAsync(User, connection, ct);
        if (Connection is null || await batches.FindAsync(id, ct) is not { } batch || batch.ConnectionId != Connection.Id) return false;
        Batch = batch;
        Action = action is BatchAction.Create or BatchAction.Merge or BatchAction.Skip or BatchAction.Person or BatchAction.Invalid ? action : null;
        After = Math.Max(0, after);
        Rows = await batches.PageRowsAsync(id, After, PageSize, Action, ct);
        NextAfter = Rows.Count == PageSize ? Rows[^1].Number : null;
        return true;
    }
}
