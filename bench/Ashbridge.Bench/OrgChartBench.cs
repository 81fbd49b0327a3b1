using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Bench;

/// <summary>
/// The org chart's data and layout input served for 1,000 people and ~50 open roles: the hub runs as its own process
/// (Release) against an emulator process; the people are imported through the API's CSV import, the open roles written
/// as the open-roles importer keeps them; then <c>GET /api/org-chart</c> is timed, as the page's script asks for it.
/// </summary>
internal static class OrgChartBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var people = WebhookBench.IntOption(args, "--people") ?? 1_000;
        var roles = WebhookBench.IntOption(args, "--roles") ?? 50;
        var requests = WebhookBench.IntOption(args, "--requests") ?? 300;
        var folder = Directory.CreateTempSubdirectory("ashbridge-orgchart-bench-").FullName;
        try
        {
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            await using var emulator = await EmulatorProcess.StartAsync(1_000);
            await using var hub = await WebhookBench.HubProcess.StartAsync(folder, emulator);
            using var api = WebhookBench.Client(hub.BaseUrl);
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Token);

            // A company of `people`: a CEO, 8 heads, then teams of up to 7 under the people before them (about 5 levels).
            var csv = new StringBuilder("name,email,title,department,manager_email\n");
            string[] departments = ["Engineering", "Sales", "Marketing", "Finance", "People", "Support", "Design", "Operations"];
            for (var i = 0; i < people; i++)
            {
                var manager = i == 0 ? "" : i <= 8 ? "p0@bench.test" : $"p{(i - 9) / 7 + 1}@bench.test";
                var department = i == 0 ? "Leadership" : departments[(i <= 8 ? i - 1 : ((i - 9) / 7) % 8 + 0) % 8];
                csv.Append(CultureInfo.InvariantCulture, $"Person {i},p{i}@bench.test,Title {i % 40},{department},{manager}\n");
            }

            var clock = Stopwatch.StartNew();
            using (var imported = await api.PostAsync(new Uri("/api/org-chart/people/import", UriKind.Relative), new StringContent(csv.ToString(), Encoding.UTF8, "text/csv")))
            {
                if (!imported.IsSuccessStatusCode) throw new InvalidOperationException($"The import answered {imported.StatusCode}: {await imported.Content.ReadAsStringAsync()}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CSV import of {people} people: {clock.Elapsed.TotalMilliseconds:F0} ms"));
            await SeedRolesAsync(Path.Combine(folder, "ashbridge.db"), roles, people);

            var latencies = new List<double>(requests);
            long bytes = 0;
            int nodes = 0;
            for (var i = 0; i < requests + 10; i++)
            {
                clock.Restart();
                using var response = await api.GetAsync(new Uri("/api/org-chart", UriKind.Relative));
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadAsByteArrayAsync();
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (i == 0)
                {
                    nodes = JsonDocument.Parse(body).RootElement.GetProperty("nodes").GetArrayLength();
                    bytes = body.Length;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first GET /api/org-chart (refreshes people from the mirror's users): {elapsed:F0} ms"));
                }

                if (i >= 10) latencies.Add(elapsed); // after a warm-up
            }

            latencies.Sort();
            double At(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GET /api/org-chart, {nodes} nodes ({bytes / 1024} KiB), {latencies.Count} requests: p50 {At(0.50):F1} ms, p99 {At(0.99):F1} ms, max {latencies[^1]:F1} ms (target p99 <= 200 ms)"));

            clock.Restart();
            using (var engineering = await api.GetAsync(new Uri("/api/org-chart?department=Engineering", UriKind.Relative)))
            {
                engineering.EnsureSuccessStatusCode();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /api/org-chart?department=Engineering: {clock.Elapsed.TotalMilliseconds:F1} ms"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Open roles as the open-roles importer keeps them, each under a hiring manager among the people.</summary>
    private static async Task SeedRolesAsync(string databaseFile, int roles, int people)
    {
        await using var database = await AshbridgeDatabase.OpenAsync(DatabaseLocation.SqliteFileAt(databaseFile));
        await using var db = await database.ConnectAsync();
        var connectionId = await db.ExecuteScalarAsync<long>("SELECT id FROM connections WHERE name = 'acme'");
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < roles; i++)
        {
            await db.ExecuteAsync(
                """
                INSERT INTO open_roles (connection_id, posting_id, job_id, title, department_name, posting_state, is_listed, is_confidential, hiring_manager_user_id,
                    hiring_manager_name, hiring_manager_email, hiring_team_json, openings_json, open_openings, source_hash, first_seen_ms, updated_ms)
                VALUES (@connectionId, @posting, @job, @title, 'Engineering', 'Published', 1, 0, @user, @name, @email, '[]', '[]', 1, 'bench', @now, @now)
                """,
                new { connectionId, posting = $"bench-posting-{i}", job = $"bench-job-{i}", title = $"Open Role {i}", user = $"u{i}", name = $"Person {i * 7 % people}", email = $"p{i * 7 % people}@bench.test", now });
        }
    }
}
