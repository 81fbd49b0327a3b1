using System.Globalization;
using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// <c>report.generate</c> (asynchronous: a start answers <c>in_progress</c> with a <c>requestId</c>; polling with it answers
/// <c>complete</c> with the data) and <c>report.synchronous</c>. Starting either counts against Ashby's per-organisation
/// limits: 15 starts a minute (<c>rate_limit_exceeded</c>) and 3 operations at once (<c>concurrent_limit_exceeded</c>),
/// both HTTP 429; polls bypass them. A generation counts as running until it is first polled (or for a minute).
/// </summary>
internal static class ReportEndpoints
{
    private const int StartsPerMinute = 15;
    private const int Concurrent = 3;
    private const long Minute = 60_000;
    private const long CacheLifetime = 3_600_000;

    public static void Register(EndpointTable table) => table
        .Write("report.generate", Permissions.ReportsRead, Generate)
        .Write("report.synchronous", Permissions.ReportsRead, Synchronous);

    private static void Generate(AshbyCall call)
    {
        if (!call.RequiredGuid("reportId", out var id) || !call.OptionalString("requestId", out var requestId) || !call.OptionalBool("includeHeadersInData", out var headers, defaultValue: true)) return;
        if (call.Org.FindReport(id) is not { } report) { call.NotFound(ErrorCodes.ReportNotFound, "Report", id); return; }
        var now = call.NowMs;
        if (requestId is not null)
        {
            if (!call.Org.ReportRuns.TryGetValue(requestId, out var run) || run.Report != report)
            {
                call.Fail(ErrorCodes.InvalidInput, $"requestId {requestId} is not a generation of report {id}");
                return;
            }

            run.GeneratedMs ??= now;
            call.Success(w => Result(w, call.Org, run.RequestId, run.Report, run.IncludeHeaders, run.GeneratedMs));
            return;
        }

        if (!WithinLimits(call, now)) return;
        var started = new ReportRun { RequestId = NewRequestId(call.Org), Report = report, StartedMs = now, IncludeHeaders = headers };
        call.Org.ReportRuns[started.RequestId] = started;
        call.Success(w => Result(w, call.Org, started.RequestId, report, headers, null));
    }

    private static void Synchronous(AshbyCall call)
    {
        if (!call.RequiredGuid("reportId", out var id) || !call.OptionalBool("includeHeadersInData", out var headers, defaultValue: true)) return;
        if (call.Org.FindReport(id) is not { } report) { call.NotFound(ErrorCodes.ReportNotFound, "Report", id); return; }
        var now = call.NowMs;
        if (!WithinLimits(call, now)) return;
        call.Success(w => Result(w, call.Org, NewRequestId(call.Org), report, headers, now));
    }

    private static string NewRequestId(Organization org) => "rep_result:" + org.NewId().ToString("N")[..12];

    private static bool WithinLimits(AshbyCall call, long now)
    {
        var starts = call.Org.ReportStarts;
        while (starts.Count > 0 && starts.Peek() <= now - Minute) starts.Dequeue();
        if (starts.Count >= StartsPerMinute)
        {
            return call.Fail(ErrorCodes.RateLimitExceeded, $"Your organization has exceeded the rate limit of {StartsPerMinute} report requests per minute. Try again in 60 seconds.", 429);
        }

        var running = call.Org.ReportRuns.Values.Count(r => r.GeneratedMs is null && r.StartedMs > now - Minute);
        if (running >= Concurrent)
        {
            return call.Fail(
                ErrorCodes.ConcurrentLimitExceeded,
                $"Your organization has reached the maximum of {Concurrent} concurrent report operations. Please wait for existing operations to complete or try again in 30 seconds.",
                429);
        }

        starts.Enqueue(now);
        return true;
    }

    private static void Result(Utf8JsonWriter w, Organization org, string requestId, SavedReport report, bool headers, long? generatedMs)
    {
        w.WriteStartObject();
        w.WriteString("requestId", requestId);
        w.WriteString("status", generatedMs is null ? "in_progress" : "complete");
        w.WritePropertyName("reportData");
        if (generatedMs is { } generated)
        {
            var (columns, rows) = Compute(org, report.Kind);
            w.WriteStartObject();
            w.WriteStartArray("data");
            if (headers) Strings(w, columns);
            foreach (var row in rows)
            {
                w.WriteStartArray();
                foreach (var cell in row)
                {
                    if (cell is int n) w.WriteNumberValue(n);
                    else w.WriteStringValue((string)cell);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WritePropertyName("columnNames");
            Strings(w, columns);
            w.WriteStartObject("metadata");
            w.WriteTime("updatedAt", report.UpdatedMs);
            w.WriteString("title", report.Title);
            w.WriteTime("reportGeneratedAt", generated);
            w.WriteTime("cacheExpiresAt", generated + CacheLifetime);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteNull("failureReason");
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string[] values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>The report's columns and rows, from the organisation as it is now (every job, confidential ones included).</summary>
    internal static (string[] Columns, List<object[]> Rows) Compute(Organization org, ReportKind kind)
    {
        switch (kind)
        {
            case ReportKind.HiresByDepartment:
                var decided = new Dictionary<Application, long>();
                foreach (var o in org.Offers)
                {
                    if (!o.Deleted && o.AcceptanceStatus == "Accepted" && o.DecidedMs is { } d) decided[o.Application] = d;
                }

                var hires = org.Applications.Where(a => !a.Deleted && a.Status == ApplicationStatus.Hired)
                    .Select(a => (Quarter: Quarter(decided.TryGetValue(a, out var ms) ? ms : a.UpdatedMs), Department: a.Job.Department.Name))
                    .GroupBy(x => x)
                    .OrderBy(g => g.Key.Quarter.Sort).ThenBy(g => g.Key.Department, StringComparer.Ordinal)
                    .Select(g => new object[] { g.Key.Quarter.Label, g.Key.Department, g.Count() });
                return (["Timeframe", "Department", "Hired"], [.. hires]);
            case ReportKind.ApplicationsBySource:
                return (["Source", "Applications"], Count(org.Applications.Where(a => !a.Deleted).Select(a => a.Source?.Title ?? "No source")));
            case ReportKind.OpenJobsByDepartment:
                return (["Department", "Open Jobs"], Count(org.Jobs.Where(j => !j.Deleted && j.Status == JobStatus.Open).Select(j => j.Department.Name)));
            default:
                return (["Offer Status", "Offers"], Count(org.Offers.Where(o => !o.Deleted).Select(o => o.OfferStatus)));
        }
    }

    private static List<object[]> Count(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new object[] { g.Key, g.Count() })];

    private static (int Sort, string Label) Quarter(long ms)
    {
        var t = DateTime.UnixEpoch.AddMilliseconds(ms);
        var q = ((t.Month - 1) / 3) + 1;
        return ((t.Year * 10) + q, string.Create(CultureInfo.InvariantCulture, $"Q{q} {t.Year}"));
    }
}
