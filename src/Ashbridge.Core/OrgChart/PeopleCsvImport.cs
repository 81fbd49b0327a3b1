using System.Data.Common;
using System.Globalization;
using System.Net.Mail;
using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using CsvHelper;
using Dapper;

namespace Ashbridge.Core.OrgChart;

/// <summary>
/// Loads a company's existing chart from CSV (name, email, title, department, manager_email), all or nothing: every row is
/// checked first, and a single bad row (no name or e-mail, a malformed address, a duplicate, an unknown manager, a loop of
/// managers, a cell a spreadsheet would run as a formula) writes nothing. A dry run answers the same report without
/// writing. People are matched by e-mail, so a later import updates them; role placements are untouched.
/// </summary>
public sealed class PeopleCsvImport(AshbridgeDatabase database, OrgChartPeople people, TimeProvider timeProvider)
{
    /// <summary>The columns, by the names a header may give them (case and spaces ignored).</summary>
    private static readonly Dictionary<string, string> ColumnNames = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["email"] = "email", ["title"] = "title", ["department"] = "department",
        ["manageremail"] = "manager_email", ["manager"] = "manager_email", ["managersemail"] = "manager_email", ["jobtitle"] = "title",
    };

    private static readonly string[] RequiredColumns = ["name", "email"];

    /// <summary>Checks the CSV and, unless <paramref name="dryRun"/> or any row is bad, writes it; either way answers a line per row.</summary>
    public async Task<PeopleImportReport> ImportAsync(TextReader csv, bool dryRun, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var (rows, fileProblem) = Read(csv);
        if (fileProblem is not null) return new PeopleImportReport(dryRun, false, 0, 0, 0, [fileProblem]);

        await people.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = (await OrgPeopleRows.AllAsync(db, transaction, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Email, StringComparer.Ordinal);
        var report = Check(rows, existing);
        if (report.Any(r => r.Outcome == PeopleImportRow.Error) || dryRun)
        {
            return Report(dryRun, imported: false, report);
        }

        await WriteAsync(db, transaction, rows, existing, cancellationToken).ConfigureAwait(false);
        var result = Report(dryRun, imported: true, report);
        await AuditLog.WriteAsync(db, transaction, timeProvider.NowAsStored(), actor, "org-chart.import", $"{rows.Count} rows", result.Summary, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static PeopleImportReport Report(bool dryRun, bool imported, List<PeopleImportRow> rows) => new(
        dryRun, imported, rows.Count(r => r.Outcome == PeopleImportRow.Create), rows.Count(r => r.Outcome == PeopleImportRow.Update),
        rows.Count(r => r.Outcome == PeopleImportRow.Unchanged), rows);

    /// <summary>The rows of the file, or the one problem that makes the whole file unreadable (no header, a missing column, broken quoting).</summary>
    private static (List<CsvRow> Rows, PeopleImportRow? Problem) Read(TextReader text)
    {
        var rows = new List<CsvRow>();
        var options = new CsvReaderOptions { Separator = ',', TrimWhitespace = true, MalformedData = CsvMalformedDataHandling.Throw, MaxRecordSize = 64 * 1024 };
        using var csv = CsvReader.Create(text, options, true);
        try
        {
            csv.ReadHeader();
            if (csv.Headers is not { Count: > 0 } headers || headers.All(h => h.Trim().Length == 0))
            {
                return (rows, new PeopleImportRow(1, null, PeopleImportRow.Error, "The file is empty: give a header row (name, email, title, department, manager_email) and a row per person."));
            }

            string[] header = [.. headers];
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                var key = header[i].Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
                if (ColumnNames.TryGetValue(key, out var column)) index.TryAdd(column, i);
            }

            var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                return (rows, new PeopleImportRow(1, null, PeopleImportRow.Error,
                    $"The header has no {string.Join(" or ", missing)} column; name the columns name, email, title, department and manager_email."));
            }

            while (csv.Read())
            {
                var record = csv.Current.ToArray();
                string Cell(string column) => index.TryGetValue(column, out var i) && i < record.Length ? record[i].Trim() : "";
                rows.Add(new CsvRow((int)csv.RowNumber + 1, Cell("name"), Cell("email"), Cell("title"), Cell("department"), Cell("manager_email"), [.. record.Select(c => c.Trim())], header));
            }
        }
        catch (CsvFormatException ex)
        {
            var row = (int)Math.Max(1, ex.RecordNumber);
            return (rows, new PeopleImportRow(row, null, PeopleImportRow.Error, $"Row {row} is not valid CSV (check its quotes); nothing was imported."));
        }

        return rows.Count == 0
            ? (rows, new PeopleImportRow(1, null, PeopleImportRow.Error, "The file has a header but no people: add a row per person."))
            : (rows, null);
    }

    /// <summary>A line per row: what it would do, or every reason it is refused.</summary>
    private static List<PeopleImportRow> Check(List<CsvRow> rows, Dictionary<string, OrgPeopleRows.Row> existing)
    {
        var reasons = rows.ToDictionary(r => r.Number, _ => new List<string>());
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var why = reasons[row.Number];
            for (var i = 0; i < row.Cells.Length; i++)
            {
                if (row.Cells[i] is { Length: > 0 } cell && cell[0] is '=' or '+' or '-' or '@')
                {
                    var column = i < row.Header.Length ? row.Header[i] : $"column {i + 1}";
                    why.Add($"the {column} cell starts with '{cell[0]}', which a spreadsheet would run as a formula; remove that character");
                }
            }

            if (row.Name.Length == 0) why.Add("name is missing");
            else if (row.Name.Length > 1000) why.Add("name is longer than 1,000 characters");
            if (row.Email.Length == 0) why.Add("email is missing");
            else if (!IsEmail(row.Email)) why.Add($"'{row.Email}' is not an e-mail address");
            else if (firstRow.TryGetValue(row.Key, out var first)) why.Add($"{row.Email} is already on row {first}");
            else firstRow[row.Key] = row.Number;
            if (row.Title.Length > 1000 || row.Department.Length > 1000) why.Add("title or department is longer than 1,000 characters");
            if (row.ManagerEmail.Length > 0 && !IsEmail(row.ManagerEmail)) why.Add($"manager email '{row.ManagerEmail}' is not an e-mail address");
        }

        // Managers: in the file, or already in the chart (and still in it).
        var inFile = rows.Where(r => firstRow.TryGetValue(r.Key, out var n) && n == r.Number).ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.ManagerEmail.Length > 0 && IsEmail(r.ManagerEmail)))
        {
            var manager = OrgPeopleRows.Key(row.ManagerEmail);
            if (inFile.ContainsKey(manager)) continue;
            if (!existing.TryGetValue(manager, out var person)) reasons[row.Number].Add($"manager {row.ManagerEmail} is neither in the file nor in the chart");
            else if (person.RemovedReason is { } gone) reasons[row.Number].Add($"manager {row.ManagerEmail} is no longer in the chart ({gone})");
        }

        // Loops: the chart as it would be, the file's rows over the people already in it.
        var managerOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        var byId = existing.Values.ToDictionary(p => p.Id, p => p.Email);
        foreach (var p in existing.Values) managerOf[p.Email] = p.ManagerId is { } m && byId.TryGetValue(m, out var e) ? e : null;
        foreach (var row in inFile.Values) managerOf[row.Key] = row.ManagerEmail.Length > 0 ? OrgPeopleRows.Key(row.ManagerEmail) : null;
        foreach (var row in inFile.Values)
        {
            var chain = new List<string> { row.Key };
            for (var at = managerOf.GetValueOrDefault(row.Key); at is not null && chain.Count <= managerOf.Count + 1; at = managerOf.GetValueOrDefault(at))
            {
                chain.Add(at);
                if (at == row.Key)
                {
                    reasons[row.Number].Add($"the managers make a loop: {string.Join(" → ", chain)}");
                    break;
                }

                if (chain.IndexOf(at) != chain.Count - 1) break; // a loop above, reported on its own rows
            }
        }

        return [.. rows.Select(row => reasons[row.Number] is { Count: > 0 } why
            ? new PeopleImportRow(row.Number, row.Email.Length > 0 ? row.Email : null, PeopleImportRow.Error, string.Join("; ", why))
            : new PeopleImportRow(row.Number, row.Email, Outcome(row, existing)))];
    }

    private static string Outcome(CsvRow row, Dictionary<string, OrgPeopleRows.Row> existing)
    {
        if (!existing.TryGetValue(row.Key, out var person)) return PeopleImportRow.Create;
        var manager = row.ManagerEmail.Length > 0 && existing.TryGetValue(OrgPeopleRows.Key(row.ManagerEmail), out var m) ? m.Id : (long?)null;
        var managerChanges = row.ManagerEmail.Length > 0 ? manager is null || manager != person.ManagerId : person.ManagerId is not null;
        return person.Name != row.Name || person.Title != Blank(row.Title) || person.Department != Blank(row.Department) || managerChanges || person.DeletedMs is not null || person.ImportedMs is null
            ? PeopleImportRow.Update
            : PeopleImportRow.Unchanged;
    }

    private async Task WriteAsync(DbConnection db, DbTransaction transaction, List<CsvRow> rows, Dictionary<string, OrgPeopleRows.Row> existing, CancellationToken cancellationToken)
    {
        var now = timeProvider.NowMs();
        var ids = existing.ToDictionary(p => p.Key, p => p.Value.Id, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var values = new { email = row.Key, name = row.Name, title = Blank(row.Title), department = Blank(row.Department), now };
            if (ids.TryGetValue(row.Key, out var id))
            {
                await db.ExecuteAsync(new CommandDefinition(
                    "UPDATE org_people SET name = @name, title = @title, department = @department, imported_ms = @now, deleted_ms = NULL, updated_ms = @now WHERE email = @email",
                    values, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                ids[row.Key] = await db.ExecuteScalarAsync<long>(new CommandDefinition(
                    "INSERT INTO org_people (email, name, title, department, imported_ms, created_ms, updated_ms) VALUES (@email, @name, @title, @department, @now, @now, @now) RETURNING id",
                    values, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }

        foreach (var row in rows)
        {
            long? managerId = row.ManagerEmail.Length > 0 ? ids[OrgPeopleRows.Key(row.ManagerEmail)] : null;
            await db.ExecuteAsync(new CommandDefinition(
                "UPDATE org_people SET manager_id = @managerId, manager_set_ms = @now WHERE id = @id",
                new { managerId, now, id = ids[row.Key] }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static bool IsEmail(string value) =>
        value.Contains('@', StringComparison.Ordinal) && !value.Contains(' ', StringComparison.Ordinal) && value.Length <= 320
        && MailAddress.TryCreate(value, out var address) && address.Address == value;

    private sealed record CsvRow(int Number, string Name, string Email, string Title, string Department, string ManagerEmail, string[] Cells, string[] Header)
    {
        public string Key => OrgPeopleRows.Key(Email);
    }
}
