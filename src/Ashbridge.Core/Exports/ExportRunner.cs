using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ashbridge.Core.Access;
using Ashbridge.Core.Notices;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Exports;

/// <summary>
/// Runs exports: the columns a caller sees (compensation left out, not blanked, for those who may not see it), the rows
/// streamed in a format, <c>?since=</c> pulls (see <see cref="ExportChanges"/>), the preview, and the record of every
/// run: its report in <c>export_runs</c> and a line in the audit log with the row count. A custom field Ashby deleted
/// keeps its column, empty and marked, and the admins get a notice once.
/// </summary>
public sealed class ExportRunner(AshbridgeDatabase database, ExportDefinitions definitions, NoticeBoard notices, AuditLog audit, TimeProvider timeProvider)
{
    /// <summary>The notice kind posted when a field an export includes was deleted in Ashby.</summary>
    public const string FieldDeletedNotice = "export_field_deleted";

    /// <summary>The audit action of a run.</summary>
    public const string AuditAction = "export.pull";

    private const int BatchSize = 2000;

    /// <summary>The columns <paramref name="export"/> has for a caller (compensation only when <paramref name="compensation"/>), deleted fields marked.</summary>
    public async Task<IReadOnlyList<ExportColumn>> ColumnsAsync(ExportDefinition export, bool compensation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var all = await AllColumnsAsync(db, export, cancellationToken).ConfigureAwait(false);
        return [.. all.Where(c => compensation || !c.IsCompensation)];
    }

    /// <summary>Writes the export to <paramref name="output"/>; records the run and audits it (also when it stops half-way).</summary>
    public async Task<ExportReport> RunAsync(ExportDefinition export, ExportRunRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var started = timeProvider.NowMs();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var all = await AllColumnsAsync(db, export, cancellationToken).ConfigureAwait(false);
        var visible = Visible(all, request.Compensation);
        var reader = new ExportRowReader(export, all, BatchSize);
        var rows = reader.ReadAsync(db, cancellationToken);
        if (request.Since is { } since) rows = ExportChanges.ChangedSinceAsync(db, export.Id, rows, since.ToUnixTimeMilliseconds(), started, BatchSize, cancellationToken);
        var counted = new Counter();
        var projected = Project(Count(rows, counted, cancellationToken), visible.Indexes, cancellationToken);
        var complete = false;
        try
        {
            _ = request.Format switch
            {
                ExportFormat.Csv => await CsvExportWriter.WriteAsync(visible.Columns, projected, output, cancellationToken).ConfigureAwait(false),
                ExportFormat.Xlsx => await XlsxExportWriter.WriteAsync(visible.Columns, projected, output, cancellationToken).ConfigureAwait(false),
                _ => await JsonLinesExportWriter.WriteAsync(visible.Columns, projected, output, cancellationToken).ConfigureAwait(false),
            };
            complete = true;
        }
        finally
        {
            var report = new ExportReport(counted.Rows, reader.Problems, reader.ProblemCount, [.. all.Where(c => c.DeletedInAshby).Select(c => c.Name)]);
            await RecordAsync(export, request, started, report, complete).ConfigureAwait(false);
        }

        return new ExportReport(counted.Rows, reader.Problems, reader.ProblemCount, [.. all.Where(c => c.DeletedInAshby).Select(c => c.Name)]);
    }

    /// <summary>The first <paramref name="limit"/> rows, as the page shows them (not recorded as a run).</summary>
    public async Task<ExportPreview> PreviewAsync(ExportDefinition export, bool compensation, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var all = await AllColumnsAsync(db, export, cancellationToken).ConfigureAwait(false);
        var visible = Visible(all, compensation);
        var reader = new ExportRowReader(export, all, Math.Clamp(limit, 1, 200));
        var rows = new List<ExportRow>();
        await foreach (var row in Project(reader.ReadAsync(db, cancellationToken), visible.Indexes, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
            if (rows.Count >= limit) break;
        }

        return new ExportPreview(visible.Columns, rows, reader.Problems);
    }

    /// <summary>The latest runs of an export, newest first.</summary>
    public async Task<IReadOnlyList<ExportRun>> ListRunsAsync(long exportId, int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<(long Id, long StartedMs, string Actor, string Format, long? SinceMs, string ReportJson)>(new CommandDefinition(
            "SELECT id, started_ms, actor, format, since_ms, report_json FROM export_runs WHERE export_id = @exportId ORDER BY id DESC LIMIT @limit",
            new { exportId, limit = Math.Clamp(limit, 1, 200) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new ExportRun(
            r.Id, exportId, DateTimeOffset.FromUnixTimeMilliseconds(r.StartedMs), r.Actor, Enum.Parse<ExportFormat>(r.Format, ignoreCase: true),
            r.SinceMs is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null, JsonSerializer.Deserialize<ExportReport>(r.ReportJson, ExportDefinitions.Json)!))];
    }

    private async Task<IReadOnlyList<ExportColumn>> AllColumnsAsync(DbConnection db, ExportDefinition export, CancellationToken cancellationToken)
    {
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        if (export.CustomFields.Count > 0)
        {
            var parameters = new DynamicParameters(new { connectionId = export.ConnectionId });
            var live = (await db.QueryAsync<string>(new CommandDefinition(
                $"SELECT id FROM mirror_custom_fields WHERE connection_id = @connectionId AND deleted_ms IS NULL AND id IN ({SqlList.In(parameters, "f", [.. export.CustomFields.Select(f => f.Id)])})",
                parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            deleted.UnionWith(export.CustomFields.Select(f => f.Id).Where(id => !live.Contains(id)));
        }

        var columns = ExportColumns.For(export, deleted);
        var untold = deleted.Where(id => !export.DeletedFieldsNoticed.Contains(id)).ToList();
        if (untold.Count > 0 && await definitions.FindAsync(export.Id, cancellationToken).ConfigureAwait(false) is { } current)
        {
            // The caller's copy may predate a notice posted since (a page shown, then downloaded): the stored one decides.
            export = current;
            untold = [.. untold.Where(id => !current.DeletedFieldsNoticed.Contains(id))];
        }

        if (untold.Count > 0)
        {
            var names = columns.Where(c => c.CustomFieldId is { } id && untold.Contains(id)).Select(c => $"{c.Name} ('{export.CustomFields.First(f => f.Id == c.CustomFieldId).Title}')");
            await notices.AddAsync(new NewNotice(
                export.ConnectionId, FieldDeletedNotice, NoticeSeverity.Warning,
                $"Export '{export.Name}': a custom field was deleted in Ashby",
                $"Ashby no longer has the field{(untold.Count > 1 ? "s" : "")} behind {string.Join(", ", names)}. The export still runs; "
                + "the column stays, empty and marked, so planning tools keep their mapping. Edit the export to remove it."), cancellationToken).ConfigureAwait(false);
            await definitions.NoteDeletedFieldsNoticedAsync(export, untold, cancellationToken).ConfigureAwait(false);
        }

        return columns;
    }

    private async Task RecordAsync(ExportDefinition export, ExportRunRequest request, long started, ExportReport report, bool complete)
    {
        // Recorded even when the caller went away half-way: the audit log says what left the hub.
        await using var db = await database.ConnectAsync(CancellationToken.None).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO export_runs (export_id, started_ms, actor, format, since_ms, row_count, report_json) VALUES (@exportId, @started, @actor, @format, @since, @rows, @json)",
            new
            {
                exportId = export.Id, started, actor = request.Actor, format = request.Format.ToString().ToLowerInvariant(), since = request.Since?.ToUnixTimeMilliseconds(),
                rows = report.Rows, json = JsonSerializer.Serialize(report, ExportDefinitions.Json),
            })).ConfigureAwait(false);
        var detail = $"{report.Rows} rows, {request.Format.ToString().ToLowerInvariant()}"
            + (request.Since is { } since ? $", since {since:O}" : "")
            + (request.Compensation ? ", with compensation" : ", without compensation")
            + (complete ? "" : ", stopped before the end");
        await audit.WriteAsync(request.Actor, AuditAction, export.Name, detail, CancellationToken.None).ConfigureAwait(false);
    }

    private static (IReadOnlyList<ExportColumn> Columns, int[] Indexes) Visible(IReadOnlyList<ExportColumn> all, bool compensation)
    {
        var indexes = Enumerable.Range(0, all.Count).Where(i => compensation || !all[i].IsCompensation).ToArray();
        return ([.. indexes.Select(i => all[i])], indexes);
    }

    private static async IAsyncEnumerable<ExportRow> Project(IAsyncEnumerable<ExportRow> rows, int[] indexes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (indexes.Length == row.Cells.Length)
            {
                yield return row;
                continue;
            }

            var cells = new object?[indexes.Length];
            for (var i = 0; i < indexes.Length; i++) cells[i] = row.Cells[indexes[i]];
            yield return row with { Cells = cells };
        }
    }

    private static async IAsyncEnumerable<ExportRow> Count(IAsyncEnumerable<ExportRow> rows, Counter counter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            counter.Rows++;
            yield return row;
        }
    }

    private sealed class Counter
    {
        public long Rows { get; set; }
    }
}
