using System.Text;
using System.Text.Encodings.Web;
using Ashbridge.Core.Connections;
using Ashbridge.Server.Hosting;

namespace Ashbridge.Server.Api;

/// <summary>The connection's status: a page for people at <c>/</c> and JSON at <c>/api/status</c>.</summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (routes.ServiceProvider.GetService<ActiveConnection>() is null)
        {
            throw new InvalidOperationException("MapStatusApi needs the hub's services: call builder.AddAshbridgeConnection() first.");
        }

        routes.MapGet("/api/status", (ActiveConnection connection) => TypedResults.Ok(ToStatus(connection)))
            .WithName("GetStatus").WithSummary("The Ashby connection and what its key can do").WithTags("Status");
        routes.MapGet("/", (ActiveConnection connection) => TypedResults.Content(RenderPage(connection), "text/html; charset=utf-8"))
            .WithName("StatusPage").ExcludeFromDescription();
        return routes;
    }

    public sealed record ConnectionStatus(bool Demo, Uri? BaseUrl, string? KeyTitle, string? Problem, IReadOnlyList<FeatureState> Features);

    public sealed record FeatureState(string Name, bool Ready, IReadOnlyList<string> Missing);

    private static ConnectionStatus ToStatus(ActiveConnection connection) => new(
        connection.IsDemo,
        connection.BaseUrl,
        connection.Report?.KeyTitle,
        connection.Problem,
        connection.Report?.Features.Select(f => new FeatureState(f.Feature.Name, f.IsReady, f.Missing.Select(p => p.Permission).ToList())).ToList() ?? []);

    private static string RenderPage(ActiveConnection connection)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ashbridge</title>
            <style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd}
            .ok{color:#17803d}.missing{color:#b42318}.note{background:#f4f6fa;padding:.6rem 1rem;border-radius:6px}</style></head><body>
            <h1>Ashbridge</h1>
            """);
        page.Append("<p class=\"note\">").Append(connection.IsDemo
            ? "Demo mode: no Ashby key is configured, so Ashbridge runs against its built-in Ashby emulator at "
            : "Connected to Ashby at ").Append(html.Encode(connection.BaseUrl?.ToString() ?? "")).Append("</p>");
        if (connection.Problem is not null)
        {
            page.Append("<p class=\"missing\"><strong>The key check failed:</strong> ").Append(html.Encode(connection.Problem)).Append("</p>");
        }

        if (connection.Report is { } report)
        {
            page.Append("<h2>Key: ").Append(html.Encode(report.KeyTitle ?? "(title not readable)")).Append("</h2>");
            page.Append("<table><thead><tr><th>Feature</th><th>Status</th></tr></thead><tbody>");
            foreach (var feature in report.Features)
            {
                page.Append("<tr><td>").Append(html.Encode(feature.Feature.Name)).Append("</td><td>");
                page.Append(feature.IsReady
                    ? "<span class=\"ok\">ready</span>"
                    : "<span class=\"missing\">missing " + html.Encode(string.Join(", ", feature.Missing.Select(Describe))) + "</span>");
                page.Append("</td></tr>");
            }

            page.Append("</tbody></table>");
        }

        page.Append("<p>JSON: <a href=\"/api/status\">/api/status</a> · health: <a href=\"/healthz\">/healthz</a></p></body></html>");
        return page.ToString();
    }

    private static string Describe(PermissionStatus permission) =>
        $"{permission.Module} {(permission.IsWrite ? "write" : "read")} ({permission.Permission})";
}
