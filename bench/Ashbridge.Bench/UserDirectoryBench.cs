using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ashbridge.Core.AshbyUsers;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Bench;

/// <summary>
/// User search on a mirror of N Ashby users (10,000 by default), seeded straight into <c>mirror_users</c> as a pass would
/// leave them, beside 500 jobs and 5,000 applications with hiring teams. Times the change tracker's baseline and the
/// next pass's diff, then 1,000 searches (a third full emails, a third email prefixes, a third name fragments), each
/// answering users with their hiring teams, as the API does; p50/p99. SQLite by default, PostgreSQL with <c>--postgres</c>.
/// </summary>
internal static class UserDirectoryBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var userCount = int.Parse(Option(args, "--users") ?? "10000", CultureInfo.InvariantCulture);
        var searches = int.Parse(Option(args, "--searches") ?? "1000", CultureInfo.InvariantCulture);
        var postgres = Option(args, "--postgres");
        var folder = Directory.CreateTempSubdirectory("ashbridge-users-bench-").FullName;
        // PostgreSQL: a throwaway database on the given server, so the bench never migrates the database it was pointed at.
        var throwaway = $"ashbridge_users_bench_{Guid.NewGuid():N}";
        try
        {
            if (postgres is not null) await ServerAsync(postgres, $"CREATE DATABASE {throwaway}");
            var location = postgres is null
                ? DatabaseLocation.SqliteFileAt(Path.Combine(folder, "bench.db"))
                : new DatabaseLocation(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = throwaway }.ConnectionString, folder);
            await using var database = await AshbridgeDatabase.OpenAsync(location);
            var connectionId = await SeedAsync(database, userCount);
            Console.WriteLine($"seeded {userCount:N0} users, 500 jobs and 5,000 applications with hiring teams on {(postgres is null ? "SQLite" : "PostgreSQL")}");

            var tracker = new UserChangeTracker(database, TimeProvider.System);
            var clock = Stopwatch.StartNew();
            await tracker.MirrorChangedAsync(connectionId, ["users"], CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"change tracker baseline: {clock.Elapsed.TotalMilliseconds:F0} ms"));
            await using (var db = await database.ConnectAsync())
            {
                await db.ExecuteAsync("UPDATE mirror_users SET global_role = 'Elevated Access' WHERE connection_id = @connectionId AND id LIKE '%7'", new { connectionId });
            }

            clock.Restart();
            await tracker.MirrorChangedAsync(connectionId, ["users"], CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"change tracker diff after a pass (a tenth of users' roles changed): {clock.Elapsed.TotalMilliseconds:F0} ms"));

            var directory = new AshbyUserDirectory(database);
            var random = new Random(5);
            var queries = Enumerable.Range(0, searches).Select(i =>
            {
                var n = random.Next(userCount);
                return (i % 3) switch
                {
                    0 => Email(n).ToUpperInvariant(),
                    1 => Email(n)[..Math.Min(10, Email(n).Length)],
                    _ => Last(n)[..4].ToLowerInvariant(),
                };
            }).ToList();
            foreach (var q in queries.Take(50)) await directory.SearchAsync(connectionId, q, limit: 50); // warm-up: JIT, pools, page cache

            var times = new List<double>(queries.Count);
            long found = 0;
            foreach (var q in queries)
            {
                var started = Stopwatch.GetTimestamp();
                var users = await directory.SearchAsync(connectionId, q, limit: 50);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                found += users.Count;
            }

            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"searches: {times.Count:N0}, p50 {At(0.5):F2} ms, p90 {At(0.9):F2} ms, p99 {At(0.99):F2} ms, max {times[^1]:F2} ms; {(double)found / times.Count:F1} users per answer (at most 50)"));

            clock.Restart();
            var all = await directory.AllAsync(connectionId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"every user with their hiring teams (the export): {all.Count:N0} in {clock.Elapsed.TotalMilliseconds:F0} ms"));
            clock.Restart();
            var report = await new AccessReview(database, directory, TimeProvider.System).ReviewAsync(connectionId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"access review: {report.Findings.Count:N0} findings in {clock.Elapsed.TotalMilliseconds:F0} ms"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (postgres is not null)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await ServerAsync(postgres, $"DROP DATABASE IF EXISTS {throwaway}");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ServerAsync(string server, string sql)
    {
        await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static readonly string[] Firsts = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Ken", "Radia", "Tim"];

    private static readonly string[] Lasts = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy", "Hamilton", "Thompson", "Perlman", "Berners"];

    private static string First(int n) => Firsts[n % Firsts.Length];

    private static string Last(int n) => Lasts[(n / Firsts.Length) % Lasts.Length] + n.ToString(CultureInfo.InvariantCulture);

    private static string Email(int n) => $"{First(n).ToLowerInvariant()}.{Last(n).ToLowerInvariant()}@example.com";

    private static string UserId(int n) => $"00000000-0000-4000-8000-{n:D12}";

    private static async Task<long> SeedAsync(AshbridgeDatabase database, int users)
    {
        await using var db = await database.ConnectAsync();
        await db.ExecuteAsync("DELETE FROM connections WHERE name = 'users-bench'");
        var connectionId = await db.ExecuteScalarAsync<long>(
            "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES ('users-bench', 'http://127.0.0.1:9/', 'unused', 0, 0) RETURNING id");
        string[] roles = ["Organization Admin", "Elevated Access", "Limited Access", "Limited Access", "Limited Access", "External Recruiter"];
        await using (var tx = await db.BeginTransactionAsync())
        {
            await db.ExecuteAsync(
                """
                INSERT INTO mirror_users (connection_id, id, raw_json, raw_hash, ashby_updated_ms, first_seen_ms, last_seen_ms, seen_pass, email, first_name, last_name, global_role, is_enabled)
                VALUES (@connectionId, @id, @json, @n, 1700000000000, 1, 1, 1, @email, @first, @last, @role, @enabled)
                """,
                Enumerable.Range(0, users).Select(n => new
                {
                    connectionId, id = UserId(n), n = (long)n, email = Email(n), first = First(n), last = Last(n), role = roles[n % roles.Length], enabled = n % 10 != 0,
                    json = JsonSerializer.Serialize(new { id = UserId(n), firstName = First(n), lastName = Last(n), email = Email(n), globalRole = roles[n % roles.Length], isEnabled = n % 10 != 0 }),
                }), tx);
            string Team(int seed) => JsonSerializer.Serialize(new
            {
                hiringTeam = Enumerable.Range(0, 3).Select(k => new { userId = UserId((seed * 7 + k * 131) % users), email = Email((seed * 7 + k * 131) % users), role = k == 0 ? "Hiring Manager" : "Recruiter" }),
                candidate = new { name = $"Candidate {seed}" },
            });
            await db.ExecuteAsync(
                "INSERT INTO mirror_jobs (connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass, title, status, is_confidential) VALUES (@connectionId, @id, @json, 0, 1, 1, 1, @title, 'Open', FALSE)",
                Enumerable.Range(0, 500).Select(j => new { connectionId, id = $"job-{j}", json = Team(j), title = $"Job {j}" }), tx);
            await db.ExecuteAsync(
                "INSERT INTO mirror_applications (connection_id, id, raw_json, raw_hash, first_seen_ms, last_seen_ms, seen_pass, job_id, status) VALUES (@connectionId, @id, @json, 0, 1, 1, 1, @jobId, 'Active')",
                Enumerable.Range(0, 5000).Select(a => new { connectionId, id = $"application-{a}", json = Team(a % 500 + (a % 4 == 0 ? 1 : 0)), jobId = $"job-{a % 500}" }), tx);
            await tx.CommitAsync();
        }

        return connectionId;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
