using System.Globalization;
using System.Security.Claims;
using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Exports;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Exports;

/// <summary>
/// Hired-applicant exports: the list, defining one (custom fields of the chosen connection, filters), and for the chosen
/// export its preview, downloads, last run's report and the tokens bound to it.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ExportDefinitions definitions, ExportRunner runner, ExportTokens tokens, ConnectionAccess access, UserStore users, Core.Access.AuditLog audit) : PageModel
{
    private const string NewTokenKey = "exports-new-token";

    public IReadOnlyList<ExportDefinition> Exports { get; private set; } = [];

    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    /// <summary>The connection whose fields the define form offers.</summary>
    public Connection? FieldsConnection { get; private set; }

    public IReadOnlyList<ExportCustomField> Fields { get; private set; } = [];

    public ExportDefinition? Selected { get; private set; }

    public ExportPreview? Preview { get; private set; }

    public ExportRun? LastRun { get; private set; }

    public IReadOnlyList<ExportToken> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public string? DefineError { get; private set; }

    public async Task OnGetAsync(long? id, string? connection, CancellationToken ct) => await LoadAsync(id, connection, ct);

    public async Task<IActionResult> OnPostDefineAsync(
        string? name, string? connection, string[]? fields, string? hiredFrom, string? hiredTo, string? departments, string? locations, bool includeOpenings, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        DateOnly? from = null, to = null;
        if (!string.IsNullOrEmpty(hiredFrom) && !TryDate(hiredFrom, out from)) return await RefuseAsync(connection, "The 'hired from' date is not a date.", ct);
        if (!string.IsNullOrEmpty(hiredTo) && !TryDate(hiredTo, out to)) return await RefuseAsync(connection, "The 'hired to' date is not a date.", ct);
        if (connection is null || await access.FindVisibleAsync(User, connection, ct) is null) return await RefuseAsync(connection, "Choose a connection.", ct);
        try
        {
            var export = await definitions.CreateAsync(
                new NewExport(name ?? "", connection, fields ?? [], new ExportFilters(from, to, Split(departments), Split(locations), includeOpenings)), User.Actor(), ct);
            TempData.Ok($"Defined the export '{export.Name}'.");
            return RedirectToPage(new { id = export.Id });
        }
        catch (ExportInvalidException ex)
        {
            return await RefuseAsync(connection, ex.Message, ct);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (await FindAsync(id, ct) is { } export && await definitions.DeleteAsync(id, ct))
        {
            await audit.WriteAsync(User.Actor(), "export.delete", export.Name, null, ct);
            TempData.Ok($"Removed the export '{export.Name}' and its tokens.");
        }
        else
        {
            TempData.Warn("That export is no longer there.");
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(long id, string? tokenName, bool compensation, CancellationToken ct)
    {
        if (!User.IsHubAdmin()) return Forbid();
        if (await FindAsync(id, ct) is not { } export) return RedirectToPage();
        if (!long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId) || await users.FindAsync(userId, ct) is not { } user) return Forbid();
        try
        {
            var (token, record) = await tokens.CreateAsync(export.Id, user, tokenName ?? "", compensation, ct);
            await audit.WriteAsync(User.Actor(), "export.token.create", export.Name, $"token {record.Id} '{record.Name}'{(record.Compensation ? " with compensation" : "")}", ct);
            TempData[NewTokenKey] = token;
            TempData.Ok($"Made the token '{record.Name}'.");
        }
        catch (ArgumentException ex)
        {
            TempData.Error(ex.Message.Split(" (Parameter", 2)[0]);
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(long id, long tokenId, CancellationToken ct)
    {
        if (!User.IsHubAdmin()) return Forbid();
        if (await FindAsync(id, ct) is { } export && await tokens.RevokeAsync(export.Id, tokenId, ct))
        {
            await audit.WriteAsync(User.Actor(), "export.token.revoke", export.Name, $"token {tokenId}", ct);
            TempData.Ok("The token is revoked: it reads nothing from now on.");
        }
        else
        {
            TempData.Warn("That token is no longer live.");
        }

        return RedirectToPage(new { id });
    }

    /// <summary>A cell as the preview shows it.</summary>
    public static string Shown(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string[] list => string.Join("; ", list),
        _ => cell.ToString() ?? "",
    };

    private async Task<IActionResult> RefuseAsync(string? connection, string message, CancellationToken ct)
    {
        DefineError = message;
        await LoadAsync(null, connection, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(long? id, string? connection, CancellationToken ct)
    {
        Connections = await access.VisibleAsync(User, ct);
        Exports = await definitions.ListAsync(ConnectionAccess.VisibleIds(User), ct);
        FieldsConnection = Connections.FirstOrDefault(c => c.Name == connection) ?? (Connections.Count > 0 ? Connections[0] : null);
        var compensation = User.MaySeeCompensation();
        if (FieldsConnection is not null)
        {
            var fields = await definitions.ListFieldsAsync(FieldsConnection.Id, ct);
            Fields = compensation ? fields : [.. fields.Where(f => !ExportColumns.IsCompensation(f))];
        }

        if (id is { } chosen && await FindAsync(chosen, ct) is { } export)
        {
            Selected = export;
            Preview = await runner.PreviewAsync(export, compensation, 20, ct);
            LastRun = await runner.ListRunsAsync(export.Id, 1, ct) is { Count: > 0 } runs ? runs[0] : null;
            if (User.IsHubAdmin()) Tokens = await tokens.ListAsync(export.Id, ct);
        }

        NewToken = TempData[NewTokenKey] as string;
    }

    private async Task<ExportDefinition?> FindAsync(long id, CancellationToken ct)
    {
        var export = await definitions.FindAsync(id, ct);
        return export is not null && (User.LimitedTo() is not { } limited || limited == export.ConnectionId) ? export : null;
    }

    private static bool TryDate(string text, out DateOnly? date)
    {
        date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        return date is not null;
    }

    private static List<string> Split(string? names) => [.. (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
