using System.Data.Common;
using System.Text.Json;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Members;

/// <summary>The people directory: members added from new hires, listed, searched and read (the org chart and exports read it too).</summary>
public sealed class MemberDirectory(AshbridgeDatabase database)
{
    /// <summary>The columns, aliased to <see cref="Row"/>'s properties.</summary>
    private const string Columns =
        "id AS Id, connection_id AS ConnectionId, application_id AS ApplicationId, candidate_id AS CandidateId, first_name AS FirstName, last_name AS LastName, personal_email AS PersonalEmail, personal_phone AS PersonalPhone, start_date AS StartDate, "
        + "job_title AS JobTitle, department AS Department, place_of_work AS PlaceOfWork, salary_amount AS SalaryAmount, salary_currency AS SalaryCurrency, salary_period AS SalaryPeriod, extra_json AS ExtraJson, created_ms AS CreatedAt, created_by AS CreatedBy";

    /// <summary>Members whose name, email, job title or department contains <paramref name="search"/> (all when empty), by name.</summary>
    /// <param name="connectionIds">Only members from these connections (a token limited to one); <see langword="null"/> for all.</param>
    public async Task<IReadOnlyList<Member>> ListAsync(string? search = null, IReadOnlyCollection<long>? connectionIds = null, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new DynamicParameters(new { limit });
        var where = new List<string>();
        if (!string.IsNullOrWhiteSpace(search))
        {
            parameters.Add("@search", "%" + search.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal) + "%");
            where.Add("(LOWER(first_name || ' ' || last_name) LIKE @search OR LOWER(personal_email) LIKE @search OR LOWER(job_title) LIKE @search OR LOWER(COALESCE(department, '')) LIKE @search)");
        }

        if (connectionIds is not null)
        {
            where.Add($"connection_id IN ({SqlList.In(parameters, "connection", [.. connectionIds])})");
        }

        var sql = $"SELECT {Columns} FROM members{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} ORDER BY last_name, first_name, id LIMIT @limit";
        var rows = await db.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToMember())];
    }

    /// <summary>The member with this id, or <see langword="null"/>.</summary>
    public async Task<Member?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM members WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToMember();
    }

    /// <summary>The distinct job titles, departments and places of work members use, for matching new hires against.</summary>
    public async Task<KnownValues> KnownValuesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        async Task<IReadOnlyList<string>> Distinct(string column) =>
            [.. await db.QueryAsync<string>(new CommandDefinition($"SELECT DISTINCT {column} FROM members WHERE {column} IS NOT NULL ORDER BY {column}", cancellationToken: cancellationToken)).ConfigureAwait(false)];
        return new KnownValues(await Distinct("job_title").ConfigureAwait(false), await Distinct("department").ConfigureAwait(false), await Distinct("place_of_work").ConfigureAwait(false));
    }

    /// <summary>Inserts a member inside the caller's transaction and returns it with its id.</summary>
    internal static async Task<Member> InsertAsync(DbConnection db, DbTransaction transaction, Member member, CancellationToken cancellationToken)
    {
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO members (connection_id, application_id, candidate_id, first_name, last_name, personal_email, personal_phone, start_date, job_title, department,
                                 place_of_work, salary_amount, salary_currency, salary_period, extra_json, created_ms, created_by)
            VALUES (@ConnectionId, @ApplicationId, @CandidateId, @FirstName, @LastName, @PersonalEmail, @PersonalPhone, @StartDate, @JobTitle, @Department,
                    @PlaceOfWork, @SalaryAmount, @SalaryCurrency, @SalaryPeriod, @extra, @created, @CreatedBy)
            RETURNING id
            """,
            new
            {
                member.ConnectionId, member.ApplicationId, member.CandidateId, member.FirstName, member.LastName, member.PersonalEmail, member.PersonalPhone, member.StartDate,
                member.JobTitle, member.Department, member.PlaceOfWork, member.SalaryAmount, member.SalaryCurrency, member.SalaryPeriod,
                extra = JsonSerializer.Serialize(member.Extra), created = member.CreatedAt, member.CreatedBy,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return member with { Id = id };
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long? ConnectionId { get; set; }
        public string? ApplicationId { get; set; }
        public string? CandidateId { get; set; }
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public string PersonalEmail { get; set; } = "";
        public string? PersonalPhone { get; set; }
        public string? StartDate { get; set; }
        public string JobTitle { get; set; } = "";
        public string? Department { get; set; }
        public string? PlaceOfWork { get; set; }
        public decimal? SalaryAmount { get; set; }
        public string? SalaryCurrency { get; set; }
        public string? SalaryPeriod { get; set; }
        public string ExtraJson { get; set; } = "{}";
        public DateTimeOffset CreatedAt { get; set; }
        public string CreatedBy { get; set; } = "";

        public Member ToMember() => new(
            Id, ConnectionId, ApplicationId, CandidateId, FirstName, LastName, PersonalEmail, PersonalPhone, StartDate, JobTitle, Department, PlaceOfWork,
            // Two decimals whatever the driver returns (SQLite gives 88000, PostgreSQL 88000.00).
            SalaryAmount is { } amount ? Math.Round(amount, 2) + 0.00m : null, SalaryCurrency, SalaryPeriod, JsonSerializer.Deserialize<Dictionary<string, string>>(ExtraJson) ?? [],
            CreatedAt, CreatedBy);
    }
}
