using Ashbridge.Core.Access;
using Ashbridge.Core.Connections;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.OpenRoles;

/// <summary>
/// A connection's open roles, as The Org's ATS tab shows them: the roles with "Add manager", the last import with its
/// counts and "Import now", the history of imports, and the connection's policy (operators change it).
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, OpenRoleCatalog catalog, OpenRolePolicy policy, OpenRoleImports imports, OpenRoleImporter importer, AuditLog audit) : PageModel
{
    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    public Connection? Connection { get; private set; }

    public IReadOnlyList<OpenRole> Roles { get; private set; } = [];

    public IReadOnlyList<OpenRoleImportResult> History { get; private set; } = [];

    public OpenRoleSettings Settings { get; private set; } = OpenRoleSettings.Default;

    /// <summary>The settings form's refusals, field → what is wrong.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>What was typed into a refused settings form.</summary>
    public Dictionary<string, string?> Typed { get; } = new(StringComparer.Ordinal);

    public OpenRoleImportResult? LastImport => History.Count > 0 ? History[0] : null;

    public async Task<IActionResult> OnGetAsync(string? connection, CancellationToken ct) => await LoadAsync(connection, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostImportAsync(string? connection, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (connection is null || await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        var result = await imports.ImportNowAsync(c.Id, OpenRoleImporter.ManualTrigger, ct);
        await audit.WriteAsync(User.Actor(), "open-roles.import", c.Name, result.Succeeded ? Counts(result) : $"failed: {result.Error}", ct);
        if (result.Succeeded) TempData.Ok($"Imported the open roles: {Counts(result)}.");
        else TempData.Error($"The import failed and nothing was changed: {result.Error}");
        return Redirect($"/open-roles/{c.Name}");
    }

    public async Task<IActionResult> OnPostSettingsAsync(string? connection, bool includeConfidential, bool publicFeed, string? staleAfterMinutes, string? notifyEmails, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (connection is null || await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        Typed["staleAfterMinutes"] = staleAfterMinutes;
        Typed["notifyEmails"] = notifyEmails;
        int? minutes = null;
        if (!string.IsNullOrWhiteSpace(staleAfterMinutes))
        {
            if (int.TryParse(staleAfterMinutes.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 525_600) minutes = m;
            else Errors["staleAfterMinutes"] = "Give a whole number of minutes from 1 to 525600, or leave it empty for no alert.";
        }

        var emails = (notifyEmails ?? "").Split([',', ';', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (emails.FirstOrDefault(e => !System.Net.Mail.MailAddress.TryCreate(e, out _)) is { } bad) Errors["notifyEmails"] = $"\"{bad}\" is not an e-mail address.";
        if (Errors.Count > 0)
        {
            await LoadAsync(connection, ct);
            Settings = Settings with { IncludeConfidential = includeConfidential, PublicFeed = publicFeed };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var before = await policy.GetAsync(c.Id, ct);
        var settings = new OpenRoleSettings(includeConfidential, publicFeed, minutes is { } x ? TimeSpan.FromMinutes(x) : null, emails);
        await policy.SaveAsync(c.Id, settings, User.Actor(), ct);
        await audit.WriteAsync(User.Actor(), "open-roles.settings", c.Name,
            $"confidential {(includeConfidential ? "included" : "left out")}, public feed {(publicFeed ? "on" : "off")}, stale after {minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "never"} min, {emails.Count} address(es)", ct);
        if (before.IncludeConfidential != includeConfidential)
        {
            var result = await importer.ImportAsync(c.Id, OpenRoleImporter.ManualTrigger, ct);
            if (!result.Succeeded)
            {
                TempData.Warn($"Saved the settings, but the open roles could not follow yet: {result.Error}");
                return Redirect($"/open-roles/{c.Name}");
            }
        }

        TempData.Ok("Saved the open-roles settings.");
        return Redirect($"/open-roles/{c.Name}");
    }

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    public static string Counts(OpenRoleImportResult result) => $"{result.New} new, {result.Changed} changed, {result.Closed} closed";

    public static string TriggerText(string trigger) => trigger switch
    {
        OpenRoleImporter.PassTrigger => "after a sync",
        OpenRoleImporter.WebhookTrigger => "after a webhook",
        OpenRoleImporter.ScheduleTrigger => "every 6 hours",
        OpenRoleImporter.ManualTrigger => "Import now",
        _ => trigger,
    };

    private async Task<bool> LoadAsync(string? connection, CancellationToken ct)
    {
        Connections = [.. await access.VisibleAsync(User, ct)];
        Connection = connection is null ? (Connections.Count > 0 ? Connections[0] : null) : Connections.FirstOrDefault(c => c.Name == connection);
        if (connection is not null && Connection is null) return false;
        if (Connection is null) return true;
        Settings = await policy.GetAsync(Connection.Id, ct);
        var roles = await catalog.ListAsync(Connection.Id, cancellationToken: ct);
        Roles = Settings.IncludeConfidential ? roles : [.. roles.Where(r => !r.IsConfidential)];
        History = await imports.ListAsync(Connection.Id, 20, ct);
        return true;
    }
}
