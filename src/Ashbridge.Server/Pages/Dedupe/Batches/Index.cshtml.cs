using Ashbridge.Core.Connections;
using Ashbridge.Core.Dedupe.Batches;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Dedupe.Batches;

/// <summary>
/// Batch upload: a CSV or XLSX file of prospects uploaded to a connection, read and planned (nothing written to Ashby
/// yet), then opened on its own page; and the connection's recent batches.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
[RequestSizeLimit(BatchLimits.MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = BatchLimits.MaxFileBytes + (64 * 1024))]
public sealed class IndexModel(ConnectionAccess access, DedupeBatches batches) : PageModel
{
    public Connection? Connection { get; private set; }

    public IReadOnlyList<DedupeBatch> Recent { get; private set; } = [];

    /// <summary>Why the last file was refused.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string connection, CancellationToken ct)
    {
        if (!await LoadAsync(connection, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string connection, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(connection, ct) || Connection is not { } c) return NotFound();
        if (!User.MayOperate()) return Forbid();
        if (file is null || file.Length == 0)
        {
            return Refused("Choose a CSV or XLSX file of prospects first.");
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        try
        {
            var batch = await batches.CreateAsync(c.Id, file.FileName, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null, User.Actor(), ct);
            TempData.Ok($"{batch.FileName} is read and planned: {batch.TotalRows} rows. Check the mapping and the plan, then run it.");
            return Redirect($"/dedupe/{Uri.EscapeDataString(c.Name)}/batches/{batch.Id}");
        }
        catch (DedupeBatchException ex)
        {
            return Refused(ex.Message);
        }
    }

    private PageResult Refused(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string connection, CancellationToken ct)
    {
        Connection = await access.FindVisibleAsync(User, connection, ct);
        if (Connection is null) return false;
        Recent = await batches.ListAsync(Connection.Id, 20, ct);
        return true;
    }
}
