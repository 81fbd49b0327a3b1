using Ashbridge.Core.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.Members;

/// <summary>
/// Members put straight into a hub's database, as the new-hire flow leaves them (the flow itself is tested in
/// NewHiresApiTests and NewHiresPageTests; here it would only cost an Ashby pass per member).
/// </summary>
internal static class MemberSeed
{
    public sealed record Person(string First, string Last, string Email, string? Phone = null, string? Start = null, string Title = "Engineer", string? Department = null, string? Place = null, decimal? Salary = 90000m);

    public static async Task<long> AddAsync(HubFactory hub, Person p)
    {
        var database = hub.Services.GetRequiredService<AshbridgeDatabase>();
        await using var db = await database.ConnectAsync(TestContext.Current.CancellationToken);
        return await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO members (first_name, last_name, personal_email, personal_phone, start_date, job_title, department, place_of_work,
                                 salary_amount, salary_currency, salary_period, extra_json, created_ms, created_by)
            VALUES (@First, @Last, @Email, @Phone, @Start, @Title, @Department, @Place, @Salary, 'GBP', 'year', '{}', @now, 'admin@hub.test')
            RETURNING id
            """, new { p.First, p.Last, p.Email, p.Phone, p.Start, p.Title, p.Department, p.Place, p.Salary, now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    /// <summary>Ada, Grace and Alan: each findable by a column of their own.</summary>
    public static async Task<(long Ada, long Grace, long Alan)> ThreeAsync(HubFactory hub) => (
        await AddAsync(hub, new("Ada", "Lovelace", "ada@example.com", "+44 7700 900123", "2027-03-01", "Analyst", "Research", "London", 123456m)),
        await AddAsync(hub, new("Grace", "Hopper", "grace@navy.example.org", null, "2026-11-15", "Admiral", "Navy", "Arlington")),
        await AddAsync(hub, new("Alan", "Turing", "alan@example.net", "0161 496 0000", null, "Mathematician", null, "Manchester")));

    /// <summary>Marks a delivery failed, as after its last retry (which takes hours of backoff to reach for real).</summary>
    public static async Task FailAsync(HubFactory hub, long deliveryId)
    {
        var database = hub.Services.GetRequiredService<AshbridgeDatabase>();
        await using var db = await database.ConnectAsync(TestContext.Current.CancellationToken);
        await db.ExecuteAsync("UPDATE outbound_deliveries SET state = 'failed', attempts = 10, last_status = 500, last_error = 'The endpoint answered 500 Internal Server Error.', next_attempt_ms = NULL WHERE id = @deliveryId", new { deliveryId });
    }
}
