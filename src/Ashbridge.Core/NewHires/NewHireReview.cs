using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Ashbridge.Core.Access;
using Ashbridge.Core.Members;
using Ashbridge.Core.Outbound;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.NewHires;

/// <summary>
/// The reviewer's side of the queue: list and read new hires, save corrected values, add one as a member (which is
/// audited and sent outward in the same step) or delete it. Every decision lands in the audit log with who and when.
/// </summary>
public sealed class NewHireReview(AshbridgeDatabase database, NewHireImporter queue, OutboundDeliveries outbound, AuditLog audit, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider _time = timeProvider;

    /// <summary>The connection's new hires in one state (pending by default), newest first.</summary>
    public async Task<IReadOnlyList<NewHire>> ListAsync(long connectionId, NewHireState state = NewHireState.Pending, CancellationToken cancellationToken = default)
    {
        var (settings, _) = await queue.GetSettingsAsync(connectionId, cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE connection_id = @connectionId AND state = @state ORDER BY created_ms DESC, application_id",
            new { connectionId, state = Text(state) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToNewHire(settings))];
    }

    /// <summary>One new hire, or <see langword="null"/>.</summary>
    public async Task<NewHire?> GetAsync(long connectionId, string applicationId, CancellationToken cancellationToken = default)
    {
        var (settings, _) = await queue.GetSettingsAsync(connectionId, cancellationToken).ConfigureAwait(false);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(db, null, connectionId, applicationId, cancellationToken).ConfigureAwait(false))?.ToNewHire(settings);
    }

    /// <summary>
    /// Saves the reviewer's values (an empty value removes an override, so the imported one applies again) and marks
    /// the new hire reviewed, clearing the changes shown since the last review.
    /// </summary>
    /// <exception cref="NewHireNotFoundException">Not in the queue, or already decided.</exception>
    /// <exception cref="NewHireInvalidException">A value does not fit its field.</exception>
    public async Task<NewHire> SaveAsync(long connectionId, string applicationId, IReadOnlyDictionary<string, string?> values, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (settings, _) = await queue.GetSettingsAsync(connectionId, cancellationToken).ConfigureAwait(false);
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = await PendingAsync(db, connectionId, applicationId, cancellationToken).ConfigureAwait(false);
            var overrides = new Dictionary<string, string>(row.Overrides(), StringComparer.Ordinal);
            var known = KnownKeys(settings);
            var imported = ImportedHire.FromJson(row.ImportedJson).Values;
            var problems = new List<string>();
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                if (!known.Contains(key))
                {
                    problems.Add($"'{key}' is not a field of this new hire; fields: {string.Join(", ", known)}.");
                    continue;
                }

                // A value equal to Ashby's is not an override: the form shows the imported values, and saving them
                // unchanged must leave Ashby's later changes free to apply.
                if (string.IsNullOrWhiteSpace(value) || imported.GetValueOrDefault(key) == value.Trim()) overrides.Remove(key);
                else if (Why(key, value.Trim(), settings) is { } why)
                {
                    problems.Add($"{NewHireViews.Label(key)}: {why}");
                    fields[key] = why;
                }
                else overrides[key] = value.Trim();
            }

            if (problems.Count > 0) throw new NewHireInvalidException(problems, fields);
            await db.ExecuteAsync(new CommandDefinition(
                """
                UPDATE new_hires SET overrides_json = @overrides, changes_json = NULL, reviewed_ms = @now, updated_ms = @now
                WHERE connection_id = @connectionId AND application_id = @applicationId AND state = 'pending'
                """, new { overrides = JsonSerializer.Serialize(overrides, Json), now = _time.NowMs(), connectionId, applicationId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await audit.WriteAsync(actor, "new-hire.review", $"{connectionId}/{applicationId}", $"Saved {string.Join(", ", values.Keys.Order(StringComparer.Ordinal))}", cancellationToken).ConfigureAwait(false);
        return (await GetAsync(connectionId, applicationId, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Adds the new hire as a member with its current values, queues its outbound delivery, and audits it.</summary>
    /// <exception cref="NewHireNotFoundException">Not in the queue, or already decided.</exception>
    /// <exception cref="NewHireInvalidException">A required field is empty or a value does not fit.</exception>
    public async Task<Member> AddMemberAsync(long connectionId, string applicationId, string actor, CancellationToken cancellationToken = default)
    {
        var (settings, _) = await queue.GetSettingsAsync(connectionId, cancellationToken).ConfigureAwait(false);
        Member member;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var row = await ReadAsync(db, transaction, connectionId, applicationId, cancellationToken).ConfigureAwait(false);
            if (row is null || row.State != "pending") throw NotPending(applicationId, row);
            var hire = row.ToNewHire(settings);
            var problems = new List<string>();
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in NewHireFields.All.Where(f => f.Required && !hire.Values.ContainsKey(f.Key)))
            {
                problems.Add($"{f.Label} is required; fill it in before adding the member.");
                fields[f.Key] = "Required: fill it in before adding the member.";
            }

            foreach (var (key, value) in hire.Values)
            {
                if (Why(key, value, settings) is not { } why) continue;
                problems.Add($"{NewHireViews.Label(key)}: {why}");
                fields[key] = why;
            }

            if (problems.Count > 0) throw new NewHireInvalidException(problems, fields);

            var now = _time.NowAsStored();
            string? V(string key) => settings.IsEnabled(key) ? hire.Values.GetValueOrDefault(key) : null;
            member = await MemberDirectory.InsertAsync(db, transaction, new Member(
                0, connectionId, applicationId, row.CandidateId,
                hire.Values[NewHireFields.FirstName], hire.Values[NewHireFields.LastName], hire.Values[NewHireFields.PersonalEmail], V(NewHireFields.PersonalPhone),
                V(NewHireFields.StartDate), hire.Values[NewHireFields.JobTitle], V(NewHireFields.Department), V(NewHireFields.PlaceOfWork),
                V(NewHireFields.SalaryAmount) is { } amount ? decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture) : null,
                V(NewHireFields.SalaryCurrency), V(NewHireFields.SalaryPeriod),
                hire.Values.Where(kv => kv.Key.StartsWith(NewHireFields.CustomPrefix, StringComparison.Ordinal) || kv.Key.StartsWith(NewHireFields.CompensationPrefix, StringComparison.Ordinal))
                    .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                now, actor), cancellationToken).ConfigureAwait(false);
            await DecideAsync(db, transaction, connectionId, applicationId, NewHireState.Added, actor, cancellationToken).ConfigureAwait(false);
            await outbound.EnqueueAsync(db, transaction, member.Id, "member.added", member.ToJson(), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        outbound.Signal();
        await audit.WriteAsync(actor, "member.add", $"member {member.Id}", $"{member.Name} from application {applicationId} (connection {connectionId})", cancellationToken).ConfigureAwait(false);
        return member;
    }

    /// <summary>Deletes the new hire: it stays out of the queue unless Ashby un-hires and re-hires the application.</summary>
    /// <exception cref="NewHireNotFoundException">Not in the queue, or already decided.</exception>
    public async Task DeleteAsync(long connectionId, string applicationId, string actor, CancellationToken cancellationToken = default)
    {
        string name;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = await PendingAsync(db, connectionId, applicationId, cancellationToken).ConfigureAwait(false);
            name = row.ToNewHire(NewHireSettings.Default).DisplayName;
            await DecideAsync(db, null, connectionId, applicationId, NewHireState.Deleted, actor, cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(actor, "new-hire.delete", $"{connectionId}/{applicationId}", name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings a deleted new hire back to the queue as pending, as it was before it was deleted, and audits it.</summary>
    /// <exception cref="NewHireNotFoundException">No such new hire, or it is not deleted.</exception>
    public async Task<NewHire> RestoreAsync(long connectionId, string applicationId, string actor, CancellationToken cancellationToken = default)
    {
        string name;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = await ReadAsync(db, null, connectionId, applicationId, cancellationToken).ConfigureAwait(false);
            if (row is not { State: "deleted" })
            {
                throw new NewHireNotFoundException(row is null
                    ? $"No new hire for application {applicationId}: it was never hired, or has not been synced yet."
                    : $"The new hire for application {applicationId} is {row.State}, not deleted: there is nothing to restore.");
            }

            name = row.ToNewHire(NewHireSettings.Default).DisplayName;
            var changed = await db.ExecuteAsync(new CommandDefinition(
                """
                UPDATE new_hires SET state = 'pending', decided_ms = NULL, decided_by = NULL, updated_ms = @now
                WHERE connection_id = @connectionId AND application_id = @applicationId AND state = 'deleted'
                """, new { now = _time.NowMs(), connectionId, applicationId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (changed == 0) throw new NewHireNotFoundException($"The new hire for application {applicationId} was restored or changed by someone else meanwhile.");
        }

        await audit.WriteAsync(actor, "new-hire.restore", $"{connectionId}/{applicationId}", name, cancellationToken).ConfigureAwait(false);
        return (await GetAsync(connectionId, applicationId, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Adds every complete pending hire as a member (each as <see cref="AddMemberAsync"/> would); hires with fields
    /// missing or refused, and hires Ashby changed since the last review, are left pending and named in the result.
    /// </summary>
    public async Task<AddCompleteResult> AddCompleteAsync(long connectionId, string actor, CancellationToken cancellationToken = default)
    {
        var pending = await ListAsync(connectionId, NewHireState.Pending, cancellationToken).ConfigureAwait(false);
        List<string> added = [], needFields = [], changed = [];
        foreach (var hire in pending.OrderBy(h => h.CreatedAt))
        {
            switch (hire.Status)
            {
                case NewHireStatus.ChangedSinceReview:
                    changed.Add(hire.DisplayName);
                    continue;
                case NewHireStatus.MissingFields:
                    needFields.Add(hire.DisplayName);
                    continue;
            }

            try
            {
                await AddMemberAsync(connectionId, hire.ApplicationId, actor, cancellationToken).ConfigureAwait(false);
                added.Add(hire.DisplayName);
            }
            catch (NewHireInvalidException)
            {
                needFields.Add(hire.DisplayName);
            }
            catch (NewHireNotFoundException)
            {
                // Decided by someone else meanwhile: nothing to add.
            }
        }

        return new AddCompleteResult(added, needFields, changed);
    }

    /// <summary>One page of the queue: the hires in a state, searched, filtered, flagged and sorted.</summary>
    public async Task<NewHireQueuePage> SearchAsync(long connectionId, NewHireQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (settings, _) = await queue.GetSettingsAsync(connectionId, cancellationToken).ConfigureAwait(false);
        List<NewHire> hires, pending;
        List<(string First, string Last, string Email)> members;
        NewHireCounts counts;
        await using (var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            var rows = await db.QueryAsync<Row>(new CommandDefinition(
                $"{Select} WHERE connection_id = @connectionId AND (state = @state OR state = 'pending')",
                new { connectionId, state = Text(query.State) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var all = rows.Select(r => r.ToNewHire(settings)).ToList();
            hires = [.. all.Where(h => h.State == query.State)];
            pending = [.. all.Where(h => h.State == NewHireState.Pending)];
            members = query.State == NewHireState.Pending
                ? [.. await db.QueryAsync<(string, string, string)>(new CommandDefinition(
                    "SELECT first_name, last_name, personal_email FROM members", cancellationToken: cancellationToken)).ConfigureAwait(false)]
                : [];
            var byState = (await db.QueryAsync<(string State, long Count)>(new CommandDefinition(
                "SELECT state, COUNT(*) FROM new_hires WHERE connection_id = @connectionId GROUP BY state", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToDictionary(r => r.State, r => (int)r.Count, StringComparer.Ordinal);
            counts = new NewHireCounts(byState.GetValueOrDefault("pending"), byState.GetValueOrDefault("added"), byState.GetValueOrDefault("deleted"));
        }

        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var items = hires.Select(h => Flag(h, pending, members, today)).ToList();

        IEnumerable<NewHireQueueItem> found = items;
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var words = query.Search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            found = found.Where(i => words.All(w => SearchText(i.NewHire).Contains(w, StringComparison.OrdinalIgnoreCase)));
        }

        if (query.Status is { } status) found = found.Where(i => i.NewHire.Status == status);
        if (query.Flag is { } flag) found = found.Where(i => i.Flags.Contains(flag));
        var sorted = (query.Sort switch
        {
            NewHireSort.Name => Order(found, i => i.NewHire.DisplayName.ToUpperInvariant(), query.Descending),
            NewHireSort.StartDate => query.Descending
                ? found.OrderBy(i => StartDate(i.NewHire) is null).ThenByDescending(i => StartDate(i.NewHire), StringComparer.Ordinal)
                : found.OrderBy(i => StartDate(i.NewHire) is null).ThenBy(i => StartDate(i.NewHire), StringComparer.Ordinal),
            _ => Order(found, i => i.NewHire.CreatedAt.ToUnixTimeMilliseconds().ToString("D20", CultureInfo.InvariantCulture), query.Descending),
        }).ThenBy(i => i.NewHire.ApplicationId, StringComparer.Ordinal).ToList();

        var size = Math.Clamp(query.PageSize, 1, NewHireQuery.MaxPageSize);
        var pages = Math.Max(1, (sorted.Count + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pages);
        return new NewHireQueuePage([.. sorted.Skip((page - 1) * size).Take(size)], sorted.Count, page, size, counts);
    }

    private static IOrderedEnumerable<NewHireQueueItem> Order(IEnumerable<NewHireQueueItem> items, Func<NewHireQueueItem, string> key, bool descending) =>
        descending ? items.OrderByDescending(key, StringComparer.Ordinal) : items.OrderBy(key, StringComparer.Ordinal);

    private static string? StartDate(NewHire hire) => hire.Values.GetValueOrDefault(NewHireFields.StartDate);

    private static string SearchText(NewHire hire) => string.Join('\n',
        hire.DisplayName, hire.Values.GetValueOrDefault(NewHireFields.PersonalEmail), hire.Values.GetValueOrDefault(NewHireFields.JobTitle), hire.Values.GetValueOrDefault(NewHireFields.Department));

    private static NewHireQueueItem Flag(NewHire hire, List<NewHire> pending, List<(string First, string Last, string Email)> members, DateOnly today)
    {
        var flags = new List<NewHireWarning>();
        var duplicates = new List<string>();
        if (hire.State == NewHireState.Pending)
        {
            var email = hire.Values.GetValueOrDefault(NewHireFields.PersonalEmail)?.Trim();
            var name = FullName(hire.Values.GetValueOrDefault(NewHireFields.FirstName), hire.Values.GetValueOrDefault(NewHireFields.LastName));
            bool Same(string? otherEmail, string otherName) =>
                (!string.IsNullOrEmpty(email) && string.Equals(email, otherEmail?.Trim(), StringComparison.OrdinalIgnoreCase))
                || (name.Length > 0 && name.Contains(' ', StringComparison.Ordinal) && string.Equals(name, otherName, StringComparison.OrdinalIgnoreCase));
            foreach (var m in members)
            {
                if (Same(m.Email, FullName(m.First, m.Last))) duplicates.Add($"member {FullName(m.First, m.Last)}");
            }

            foreach (var other in pending)
            {
                if (other.ApplicationId == hire.ApplicationId) continue;
                if (Same(other.Values.GetValueOrDefault(NewHireFields.PersonalEmail), FullName(other.Values.GetValueOrDefault(NewHireFields.FirstName), other.Values.GetValueOrDefault(NewHireFields.LastName))))
                {
                    duplicates.Add($"pending hire {other.DisplayName}");
                }
            }

            if (duplicates.Count > 0) flags.Add(NewHireWarning.PossibleDuplicate);
            if (StartDate(hire) is { } start && DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date < today)
            {
                flags.Add(NewHireWarning.StartDateInPast);
            }
        }

        return new NewHireQueueItem(hire, flags, duplicates);
    }

    private static string FullName(string? first, string? last) => string.Join(' ', new[] { first?.Trim(), last?.Trim() }.Where(v => !string.IsNullOrEmpty(v)));

    /// <summary>Every field key this connection's new hires can carry.</summary>
    public static IReadOnlyList<string> KnownKeys(NewHireSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            .. NewHireFields.All.Where(f => settings.IsEnabled(f.Key)).Select(f => f.Key),
            .. settings.CustomMappings.Select(m => NewHireFields.CustomPrefix + m.MemberField.Trim()),
            .. settings.CompensationTypes.Select(c => NewHireFields.CompensationPrefix + c.Name.Trim()),
        ];
    }

    /// <summary>Why a value does not fit its field, with the field's name first, or <see langword="null"/>.</summary>
    public static string? Check(string key, string value, NewHireSettings settings) =>
        Why(key, value, settings) is { } why ? $"{NewHireViews.Label(key)}: {why}" : null;

    /// <summary>Why a value does not fit its field (without the field's name, for showing beside it), or <see langword="null"/>.</summary>
    public static string? Why(string key, string value, NewHireSettings settings)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(settings);
        var type = key switch
        {
            NewHireFields.StartDate => MemberFieldType.Date,
            NewHireFields.SalaryAmount => MemberFieldType.Number,
            _ when key.StartsWith(NewHireFields.CompensationPrefix, StringComparison.Ordinal) => MemberFieldType.Money,
            _ when key.StartsWith(NewHireFields.CustomPrefix, StringComparison.Ordinal) =>
                settings.CustomMappings.FirstOrDefault(m => NewHireFields.CustomPrefix + m.MemberField.Trim() == key)?.Type ?? MemberFieldType.Text,
            _ => MemberFieldType.Text,
        };
        return key switch
        {
            NewHireFields.PersonalEmail when value.IndexOf('@', StringComparison.Ordinal) < 1 || value.EndsWith('@') || value.Contains(' ', StringComparison.Ordinal)
                => $"'{value}' is not an email address.",
            NewHireFields.SalaryCurrency when value.Length != 3 || !value.All(char.IsAsciiLetterUpper) => $"'{value}' is not a three-letter currency code such as USD.",
            NewHireFields.SalaryPeriod when !SalaryPeriods.All.Contains(value, StringComparer.Ordinal) => $"'{value}' is not one of {string.Join(", ", SalaryPeriods.All)}.",
            _ => type switch
            {
                MemberFieldType.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => $"'{value}' is not a date (YYYY-MM-DD).",
                MemberFieldType.Number when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => $"'{value}' is not a number.",
                MemberFieldType.Boolean when value is not ("true" or "false") => $"'{value}' is not true or false.",
                MemberFieldType.Money when !IsMoney(value) => $"'{value}' is not an amount and currency such as '15000.00 USD'.",
                _ => null,
            },
        };
    }

    private static bool IsMoney(string value) =>
        value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var amount, var currency]
        && decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out _) && currency.Length == 3 && currency.All(char.IsAsciiLetterUpper);

    private async Task DecideAsync(DbConnection db, DbTransaction? transaction, long connectionId, string applicationId, NewHireState state, string actor, CancellationToken cancellationToken)
    {
        var changed = await db.ExecuteAsync(new CommandDefinition(
            """
            UPDATE new_hires SET state = @state, decided_ms = @now, decided_by = @actor, updated_ms = @now
            WHERE connection_id = @connectionId AND application_id = @applicationId AND state = 'pending'
            """, new { state = Text(state), now = _time.NowMs(), actor, connectionId, applicationId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 0) throw NotPending(applicationId, null);
    }

    private static async Task<Row> PendingAsync(DbConnection db, long connectionId, string applicationId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(db, null, connectionId, applicationId, cancellationToken).ConfigureAwait(false);
        return row is { State: "pending" } ? row : throw NotPending(applicationId, row);
    }

    private static NewHireNotFoundException NotPending(string applicationId, Row? row) => new(row is null
        ? $"No new hire for application {applicationId}: it was never hired, or has not been synced yet."
        : $"The new hire for application {applicationId} was already {row.State} by {row.DecidedBy}.");

    private const string Select =
        "SELECT connection_id AS ConnectionId, application_id AS ApplicationId, candidate_id AS CandidateId, state AS State, imported_json AS ImportedJson, " +
        "overrides_json AS OverridesJson, changes_json AS ChangesJson, created_ms AS CreatedAt, updated_ms AS UpdatedAt, reviewed_ms AS ReviewedAt, " +
        "decided_ms AS DecidedAt, decided_by AS DecidedBy FROM new_hires";

    private static Task<Row?> ReadAsync(DbConnection db, DbTransaction? transaction, long connectionId, string applicationId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE connection_id = @connectionId AND application_id = @applicationId", new { connectionId, applicationId }, transaction, cancellationToken: cancellationToken));

    private static string Text(NewHireState state) => StoredText.Of(state);


    private sealed class Row
    {
        public long ConnectionId { get; set; }
        public string ApplicationId { get; set; } = "";
        public string? CandidateId { get; set; }
        public string State { get; set; } = "";
        public string ImportedJson { get; set; } = "";
        public string OverridesJson { get; set; } = "{}";
        public string? ChangesJson { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public DateTimeOffset? ReviewedAt { get; set; }
        public DateTimeOffset? DecidedAt { get; set; }
        public string? DecidedBy { get; set; }

        public Dictionary<string, string> Overrides() => JsonSerializer.Deserialize<Dictionary<string, string>>(OverridesJson, Json) ?? [];

        public NewHire ToNewHire(NewHireSettings settings)
        {
            var imported = ImportedHire.FromJson(ImportedJson);
            var overrides = Overrides();
            var values = new Dictionary<string, string>(imported.Values, StringComparer.Ordinal);
            foreach (var (key, value) in overrides) values[key] = value;
            var missing = NewHireFields.All.Where(f => settings.IsEnabled(f.Key) && !values.ContainsKey(f.Key)).Select(f => f.Key).ToList();
            var changes = NewHireChanges.Read(ChangesJson);
            var state = StoredText.Parse<NewHireState>(State);
            var status = state switch
            {
                NewHireState.Added => NewHireStatus.Added,
                NewHireState.Deleted => NewHireStatus.Deleted,
                _ when changes.Count > 0 => NewHireStatus.ChangedSinceReview,
                _ when missing.Count > 0 => NewHireStatus.MissingFields,
                _ => NewHireStatus.Complete,
            };
            return new NewHire(ConnectionId, ApplicationId, CandidateId, state, status, imported.Values, overrides, values, missing, imported.Problems, changes,
                CreatedAt, UpdatedAt, ReviewedAt, DecidedAt, DecidedBy);
        }
    }
}
