using System.Text.Json;
using Ashbridge.Core.Connections;
using Spectre.Console;

namespace Ashbridge.Cli.Output;

/// <summary>Prints a <see cref="KeyCheckReport"/> as tables for people or JSON for scripts.</summary>
internal static class KeyCheckOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void WriteTables(IAnsiConsole console, KeyCheckReport report)
    {
        console.MarkupLineInterpolated($"Key: [bold]{report.KeyTitle ?? "(title not readable)"}[/]   scopes from {report.ScopesSource}");

        var permissions = new Table().AddColumns("Ashby module", "Permission", "Scope", "State");
        foreach (var p in report.Permissions)
        {
            permissions.AddRow(Markup.Escape($"{p.Module} ({(p.IsWrite ? "write" : "read")})"), p.Permission, p.Scope, State(p.State));
        }

        console.Write(permissions);

        var features = new Table().AddColumns("Feature", "Needs", "Status");
        foreach (var f in report.Features)
        {
            var status = f.Availability == FeatureAvailability.NotBuilt
                ? "[grey]not built yet[/]"
                : f.IsReady
                ? "[green]OK[/]"
                : f.Missing.Any()
                    ? "[red]missing " + Markup.Escape(string.Join(", ", f.Missing.Select(p => $"{p.Module} {(p.IsWrite ? "write" : "read")} ({p.Permission})"))) + "[/]"
                    : "[yellow]unknown: the key cannot read its own scopes[/]";
            features.AddRow(Markup.Escape(f.Feature.Name), Markup.Escape(string.Join(", ", f.Feature.Permissions)), status);
        }

        console.Write(features);
        if (report.Features.Any(f => f.Availability == FeatureAvailability.Blocked))
        {
            console.MarkupLine("Enable the missing permissions on the key in Ashby Admin › Integrations › API Keys, then run check again.");
        }
    }

    public static void WriteJson(IAnsiConsole console, KeyCheckReport report)
    {
        var shape = new
        {
            keyTitle = report.KeyTitle,
            keyCreatedAt = report.KeyCreatedAt,
            scopesSource = report.ScopesSource,
            permissions = report.Permissions.Select(p => new { p.Permission, p.Scope, p.Module, p.IsWrite, state = p.State.ToString() }),
            features = report.Features.Select(f => new
            {
                name = f.Feature.Name,
                ready = f.IsReady,
                availability = Availability(f.Availability),
                needs = f.Feature.Permissions,
                missing = f.Missing.Select(p => p.Permission),
            }),
        };
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(shape, Json));
    }

    private static string Availability(FeatureAvailability availability) => availability switch
    {
        FeatureAvailability.On => "on",
        FeatureAvailability.Blocked => "blocked",
        _ => "notBuilt",
    };

    private static string State(PermissionState state) => state switch
    {
        PermissionState.Granted => "[green]granted[/]",
        PermissionState.Missing => "[red]missing[/]",
        _ => "[yellow]unknown[/]",
    };
}
