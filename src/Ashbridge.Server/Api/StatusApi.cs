using System.Text;
using System.Text.Encodings.Web;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;
using Ashbridge.Server.Access;
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

        routes.MapGet("/api/status", async (System.Security.Claims.ClaimsPrincipal principal, ActiveConnection connection, ConnectionStore connections, SyncHistory history, CancellationToken ct) =>
                TypedResults.Ok(ToStatus(connection, await MirrorAsync(principal, connections, history, ct))))
            .RequireAuthorization(AccessPolicies.Read).WithName("GetStatus").WithSummary("The Ashby connection and what its key can do").WithTags("Status");
        routes.MapGet("/", async (System.Security.Claims.ClaimsPrincipal principal, ActiveConnection connection, ConnectionStore connections, SyncHistory history, CancellationToken ct) =>
                TypedResults.Content(RenderPage(connection, await MirrorAsync(principal, connections, history, ct)), "text/html; charset=utf-8"))
            .RequireAuthorization(AccessPolicies.Read).WithName("StatusPage").ExcludeFromDescription();
        return routes;
    }

    public sealed record ConnectionStatus(
        bool Demo, Uri? BaseUrl, string? KeyTitle, string? Problem, IReadOnlyList<FeatureState> Features, IReadOnlyList<MirrorStatus> Mirror);

    /// <summary>One connection's mirror: its last pass and each stream's rows and token.</summary>
    public sealed record MirrorStatus(string Connection, Uri BaseUrl, SyncRunResult? LastRun, IReadOnlyList<StreamState> Streams);

    public sealed record FeatureState(string Name, bool Ready, IReadOnlyList<string> Missing);

    private static async Task<IReadOnlyList<MirrorStatus>> MirrorAsync(System.Security.Claims.ClaimsPrincipal principal, ConnectionStore connections, SyncHistory history, CancellationToken ct)
    {
        var mirror = new List<MirrorStatus>();
        foreach (var c in (await connections.ListAsync(ct)).Where(principal.CanSee))
        {
            var runs = await history.ListRunsAsync(c.Id, 1, ct);
            mirror.Add(new MirrorStatus(c.Name, c.BaseUrl, runs.Count > 0 ? runs[0] : null, await history.StreamStatesAsync(c.Id, ct)));
        }

        return mirror;
    }

    private static ConnectionStatus ToStatus(ActiveConnection connection, IReadOnlyList<MirrorStatus> mirror) => new(
        connection.IsDemo,
        connection.BaseUrl,
        connection.Report?.KeyTitle,
        connection.Problem,
        connection.Report?.Features.Select(f => new FeatureState(f.Feature.Name, f.IsReady, f.Missing.Select(p => p.Permission).ToList())).ToList() ?? [],
        mirror);

    private static string RenderPage(ActiveConnection connection, IReadOnlyList<MirrorStatus> mirror)
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

        foreach (var m in mirror)
        {
            page.Append("<h2>Mirror of ").Append(html.Encode(m.Connection)).Append("</h2><p>Last pass: ")
                .Append(html.Encode(m.LastRun is { } run ? $"{run.RequestedMode} ({run.Trigger}), {run.Outcome}, started {run.StartedAt:u}" : "none yet"))
                .Append("</p><table><thead><tr><th>Stream</th><th>Rows</th><th>Deleted</th><th>Sync token</th></tr></thead><tbody>");
            foreach (var stream in m.Streams)
            {
                page.Append("<tr><td>").Append(html.Encode(stream.Stream)).Append("</td><td>").Append(stream.Rows).Append("</td><td>").Append(stream.DeletedRows)
                    .Append("</td><td>").Append(stream.SkippedReason is { } why ? "<span class=\"missing\">skipped: " + html.Encode(why) + "</span>" : stream.HasSyncToken ? "yes" : "no").Append("</td></tr>");
            }

            page.Append("</tbody></table>");
        }

        page.Append("<p>JSON: <a href=\"/api/status\">/api/status</a> · health: <a href=\"/healthz\">/healthz</a></p></body></html>");
        return page.ToString();
    }

    private static string Describe(PermissionStatus permission) =>
        $"{permission.Module} {(permission.IsWrite ? "write" : "read")} ({permission.Permission})";
}
