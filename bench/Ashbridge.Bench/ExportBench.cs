using System.Diagnostics;
using System.Globalization;
using Ashbridge.Core.Access;
using Ashbridge.Core.Exports;
using Ashbridge.Core.Notices;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Bench;

/// <summary>
/// An export of N hired applications (100,000 by default; a comma list runs several sizes): the mirror is seeded directly
/// (candidates, jobs, departments, locations, applications, accepted offers with a custom field), then the export is run
/// as CSV, JSON Lines and XLSX to a sink, each timed, with the bytes allocated and the working set's peak above the
/// settled baseline while it ran (sampled every 20 ms). SQLite by default; <c>--postgres CS</c> for PostgreSQL.
/// </summary>
internal static class ExportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (Option(args, "--rows") ?? "100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var postgres = Option(args, "--postgres");
        foreach (var rows in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("ashbridge-export-bench-").FullName;
            try
            {
                var location = postgres is null ? DatabaseLocation.SqliteFileAt(Path.Combine(folder, "bench.db")) : DatabaseLocation.Parse(postgres);
                await using var database = await AshbridgeDatabase.OpenAsync(location);
                var clock = Stopwatch.StartNew();
                var export = await SeedAsync(database, rows);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} hires seeded in {clock.Elapsed.TotalSeconds:F1} s ({(postgres is null ? "SQLite" : "PostgreSQL")})"));
                var time = TimeProvider.System;
                var runner = new ExportRunner(database, new ExportDefinitions(database, time), new NoticeBoard(database, time), new AuditLog(database, time), time);
                foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Csv, ExportFormat.Jsonl, ExportFormat.Xlsx })
                {
                    await MeasureAsync(runner, export, format, rows);
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(ExportRunner runner, ExportDefinition export, ExportFormat format, int rows)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                try
                {
                    await Task.Delay(20, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var sink = new CountingStream();
        var report = await runner.RunAsync(export, new ExportRunRequest(format, null, true, "bench"), sink);
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        await sampling.CancelAsync();
        await sampler;
        if (report.Rows != rows) throw new InvalidOperationException($"{report.Rows} rows exported, {rows} expected.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format,-5} {rows,9:N0} rows: {clock.Elapsed.TotalMilliseconds,7:F0} ms, {sink.Length / 1048576.0,6:F1} MB out, {allocated / 1048576.0,7:F0} MB allocated, working set peak +{(peak - baseline) / 1048576.0:F0} MB over {baseline / 1048576.0:F0} MB"));
    }

    /// <summary>Writes the mirror rows an export reads, as a full sync would leave them; answers an export with one custom field of each kind read.</summary>
    private static async Task<ExportDefinition> SeedAsync(AshbridgeDatabase database, int rows)
    {
        await using var db = await database.ConnectAsync();
        await db.ExecuteAsync("DELETE FROM connections WHERE name = 'export-bench'");
        var connection = await db.ExecuteScalarAsync<long>(
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('export-bench', 'http://127.0.0.1:9', 'unused', 0, 0) RETURNING id");
        const string Common = "connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass";
        await using (var transaction = await db.BeginTransactionAsync())
        {
            await db.ExecuteAsync($"INSERT INTO mirror_departments ({Common}, name) VALUES (@connection, @id, '{{}}', 0, 1, 1, 1, @name)",
                Enumerable.Range(0, 20).Select(i => new { connection, id = $"d{i}", name = $"Department {i}" }), transaction);
            await db.ExecuteAsync($"INSERT INTO mirror_locations ({Common}, name) VALUES (@connection, @id, '{{}}', 0, 1, 1, 1, @name)",
                Enumerable.Range(0, 10).Select(i => new { connection, id = $"l{i}", name = $"City {i}" }), transaction);
            await db.ExecuteAsync($"INSERT INTO mirror_jobs ({Common}, title, department_id, location_id) VALUES (@connection, @id, @json, 0, 1, 1, 1, @title, @department, @location)",
                Enumerable.Range(0, 500).Select(i => new
                {
                    connection, id = $"j{i:D4}", title = $"Engineer {i}", department = $"d{i % 20}", location = $"l{i % 10}",
                    json = $$"""{"id":"j{{i:D4}}","title":"Engineer {{i}}","customFields":[{"id":"cf-level","title":"Level","value":"L{{i % 7}}"}]}""",
                }), transaction);
            await db.ExecuteAsync(
                """
                INSERT INTO mirror_custom_fields (connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass, title, object_type, field_type)
                VALUES (@connection, 'cf-level', '{"id":"cf-level","isPrivate":false}', 0, 1, 1, 1, 'Level', 'Job', 'String'),
                       (@connection, 'cf-bonus', '{"id":"cf-bonus","isPrivate":false}', 0, 1, 1, 1, 'Signing bonus', 'Offer', 'Number')
                """, new { connection }, transaction);
            for (var start = 0; start < rows; start += 5000)
            {
                var batch = Enumerable.Range(start, Math.Min(5000, rows - start)).ToList();
                await db.ExecuteAsync($"INSERT INTO mirror_candidates ({Common}, name) VALUES (@connection, @id, @json, 0, 1, 1, 1, @name)",
                    batch.Select(i => new
                    {
                        connection, id = $"c{i:D7}", name = $"Person {i}",
                        json = $$"""{"id":"c{{i:D7}}","name":"Person {{i}}","emailAddresses":[{"value":"person{{i}}@example.com","type":"Personal","isPrimary":true}],"phoneNumbers":[],"customFields":[]}""",
                    }), transaction);
                await db.ExecuteAsync($"INSERT INTO mirror_applications ({Common}, candidate_id, job_id, status, ashby_updated_ms) VALUES (@connection, @id, @json, 0, 1, 1, 1, @candidate, @job, 'Hired', 1764000000000)",
                    batch.Select(i => new
                    {
                        connection, id = $"a{i:D7}", candidate = $"c{i:D7}", job = $"j{i % 500:D4}",
                        json = $$"""{"id":"a{{i:D7}}","status":"Hired","candidate":{"id":"c{{i:D7}}","name":"Person {{i}}"},"job":{"id":"j{{i % 500:D4}}"},"customFields":[]}""",
                    }), transaction);
                await db.ExecuteAsync($"INSERT INTO mirror_offers ({Common}, application_id, acceptance_status) VALUES (@connection, @id, @json, 0, 1, 1, 1, @application, 'Accepted')",
                    batch.Select(i => new
                    {
                        connection, id = $"o{i:D7}", application = $"a{i:D7}",
                        json = "{\"id\":\"o" + i.ToString("D7", CultureInfo.InvariantCulture) + "\",\"applicationId\":\"a" + i.ToString("D7", CultureInfo.InvariantCulture)
                            + "\",\"acceptanceStatus\":\"Accepted\",\"decidedAt\":\"2026-11-02T10:00:00.000Z\",\"latestVersion\":{\"id\":\"v\",\"startDate\":\"2027-01-04T00:00:00.000Z\","
                            + "\"createdAt\":\"2026-11-01T00:00:00.000Z\",\"salary\":{\"currencyCode\":\"EUR\",\"value\":" + (60000 + (i % 40000)).ToString(CultureInfo.InvariantCulture)
                            + "},\"customFields\":[{\"id\":\"cf-bonus\",\"title\":\"Signing bonus\",\"value\":5000}]}}",
                    }), transaction);
            }

            await transaction.CommitAsync();
        }

        return await new ExportDefinitions(database, TimeProvider.System).CreateAsync(new NewExport($"bench-{Guid.NewGuid():N}", "export-bench", ["cf-level", "cf-bonus"]), "bench");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>A sink that counts what is written (not seekable, like an HTTP response).</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Position += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
