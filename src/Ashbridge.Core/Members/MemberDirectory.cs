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
        + "job_title AS JobTitle, department AS Department, place_of_work AS PlaceOfWork, salary_amount AS SalaryAmount, salary_currency AS SalaryCurrency, salary_period AS SalaryPeriod, extra_json AS ExtraJson, created_ms AS CreatedAt, created_by AS CreatedBy, "
        + "updated_ms AS UpdatedAt, updated_by AS UpdatedBy, offboarded_ms AS OffboardedAt, offboard_date AS OffboardDate, offboarded_by AS OffboardedBy";

    /// <summary>Members matching <paramref name="search"/> (see <see cref="MemberQuery.Search"/>; all when empty), by name.</summary>
    /// <param name="connectionIds">Only members from these connections (a token limited to one); <see langword="null"/> for all.</param>
    public async Task<IReadOnlyList<Member>> ListAsync(string? search = null, IReadOnlyCollection<long>? connectionIds = null, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new DynamicParameters(new { limit, offset = 0 });
        var where = Where(new MemberQuery(search, MemberStatus.All, ConnectionIds: connectionIds), parameters);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM members{where} {OrderBy(MemberSort.Name, false)} LIMIT @limit OFFSET @offset", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToMember())];
    }

    /// <summary>One page of members: searched, filtered by status, sorted; with how many match in all.</summary>
    public async Task<MemberPage> FindAsync(MemberQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = Math.Clamp(query.PageSize, 1, MemberQuery.MaxPageSize);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new DynamicParameters();
        var where = Where(query, parameters);
        var total = (int)await db.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM members{where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var pages = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pages);
        parameters.Add("limit", size);
        parameters.Add("offset", (long)(page - 1) * size);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM members{where} {OrderBy(query.Sort, query.Descending)} LIMIT @limit OFFSET @offset", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new MemberPage([.. rows.Select(r => r.ToMember())], total, page, size);
    }

    /// <summary>Every member the query matches, sorted as asked, unpaged (the export).</summary>
    public async Task<IReadOnlyList<Member>> AllAsync(MemberQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new DynamicParameters();
        var where = Where(query, parameters);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM members{where} {OrderBy(query.Sort, query.Descending)}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToMember())];
    }

    /// <summary>What a search looks in: every column the directory shows.</summary>
    private static readonly string[] SearchedColumns = ["first_name || ' ' || last_name", "personal_email", "job_title", "department", "place_of_work", "start_date", "personal_phone"];

    /// <summary>The WHERE clause of a query (with its leading space), its parameters added.</summary>
    private static string Where(MemberQuery query, DynamicParameters parameters)
    {
        var where = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToLowerInvariant();
            parameters.Add("search", "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
            var columns = SearchedColumns.Select(c => $"LOWER(COALESCE({c}, '')) LIKE @search ESCAPE '\\'").ToList();
            // A phone number typed with other spacing or dashes than stored ("+44 7700 900123" for "+447700900123").
            var digits = new string([.. search.Where(char.IsAsciiDigit)]);
            if (digits.Length >= 4 && search.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '+' or '-' or '(' or ')' or '.'))
            {
                parameters.Add("digits", "%" + digits + "%");
                columns.Add("REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(COALESCE(personal_phone, ''), ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', '') LIKE @digits");
            }

            where.Add("(" + string.Join(" OR ", columns) + ")");
        }

        if (query.Status == MemberStatus.Active) where.Add("offboarded_ms IS NULL");
        else if (query.Status == MemberStatus.Offboarded) where.Add("offboarded_ms IS NOT NULL");
        if (query.ConnectionIds is { } ids) where.Add($"connection_id IN ({SqlList.In(parameters, "connection", [.. ids])})");
        return where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "";
    }

    /// <summary>The ORDER BY clause: empty values last either way, ties by name then id, so pages never overlap.</summary>
    private static string OrderBy(MemberSort sort, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        var name = $"LOWER(last_name) {direction}, LOWER(first_name) {direction}";
        string Column(string column) => $"CASE WHEN {column} IS NULL OR {column} = '' THEN 1 ELSE 0 END, LOWER({column}) {direction}, LOWER(last_name), LOWER(first_name)";
        var order = sort switch
        {
            MemberSort.JobTitle => Column("job_title"),
            MemberSort.Department => Column("department"),
            MemberSort.PlaceOfWork => Column("place_of_work"),
            MemberSort.StartDate => Column("start_date"),
            MemberSort.PersonalEmail => Column("personal_email"),
            MemberSort.PersonalPhone => Column("personal_phone"),
            MemberSort.Added => $"created_ms {direction}",
            _ => name,
        };
        return $"ORDER BY {order}, id {direction}";
    }

    /// <summary>The member with this id, or <see langword="null"/>.</summary>
    public async Task<Member?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM members WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToMember();
    }

    /// <summary>The member with this id inside the caller's transaction, or <see langword="null"/>.</summary>
    internal static async Task<Member?> GetAsync(DbConnection db, DbTransaction transaction, long id, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM members WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToMember();
    }

    /// <summary>Active members with no outbound delivery at all (added before the endpoint existed or while it was off), oldest first.</summary>
    internal static async Task<IReadOnlyList<Member>> UndeliveredAsync(DbConnection db, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM members m WHERE {UndeliveredCondition} ORDER BY id", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToMember())];
    }

    /// <summary>Which members of <c>members m</c> were never delivered: active, with no row in the delivery log.</summary>
    internal const string UndeliveredCondition = "m.offboarded_ms IS NULL AND NOT EXISTS (SELECT 1 FROM outbound_deliveries d WHERE d.member_id = m.id)";

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
        public DateTimeOffset? UpdatedAt { get; set; }
        public string? UpdatedBy { get; set; }
        public DateTimeOffset? OffboardedAt { get; set; }
        public string? OffboardDate { get; set; }
        public string? OffboardedBy { get; set; }

        public Member ToMember() => new(
            Id, ConnectionId, ApplicationId, CandidateId, FirstName, LastName, PersonalEmail, PersonalPhone, StartDate, JobTitle, Department, PlaceOfWork,
            // Two decimals whatever the driver returns (SQLite gives 88000, PostgreSQL 88000.00).
            SalaryAmount is { } amount ? Math.Round(amount, 2) + 0.00m : null, SalaryCurrency, SalaryPeriod, JsonSerializer.Deserialize<Dictionary<string, string>>(ExtraJson) ?? [],
            CreatedAt, CreatedBy)
        {
            UpdatedAt = UpdatedAt, UpdatedBy = UpdatedBy, OffboardedAt = OffboardedAt, OffboardDate = OffboardDate, OffboardedBy = OffboardedBy,
        };
    }
}
