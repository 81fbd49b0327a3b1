using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ashbridge.Core.Storage;
using Dapper;
using Quartz;

namespace Ashbridge.Core.Connections;

/// <summary>
/// The connections table: adds, finds, changes and removes connections, keeping each API key encrypted. Removing a
/// connection removes its mirror and sync history with it (the foreign keys cascade).
/// </summary>
public sealed partial class ConnectionStore(AshbridgeDatabase database, SecretProtector secrets, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions PreflightJson = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider _time = timeProvider;

    private const string Columns =
        "id AS Id, name AS Name, base_url AS BaseUrl, sync_interval_minutes AS SyncIntervalMinutes, sync_cron AS SyncCron, created_ms AS CreatedAt, updated_ms AS UpdatedAt";

    /// <summary>Adds a connection.</summary>
    /// <exception cref="ArgumentException">The name, URL or key is not usable; the message says why.</exception>
    /// <exception cref="ConnectionExistsException">The name is taken.</exception>
    public async Task<Connection> AddAsync(string name, Uri baseUrl, string apiKey, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        ValidateBaseUrl(baseUrl);
        ValidateKey(apiKey);
        var now = _time.NowAsStored();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(db, "name = @name", new { name }, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new ConnectionExistsException($"A connection named '{name}' already exists; pick another name or change its key with 'connection set-key'.");
        }

        try
        {
            var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO connections (name, base_url, api_key_protected, created_ms, updated_ms) VALUES (@name, @url, @key, @now, @now) RETURNING id",
                new { name, url = baseUrl.ToString(), key = secrets.Protect(apiKey), now },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new Connection(id, name, baseUrl, null, null, now, now);
        }
        catch (DbException ex) when (IsUniqueViolation(ex))
        {
            throw new ConnectionExistsException($"A connection named '{name}' already exists.", ex);
        }
    }

    /// <summary>Every connection, by name.</summary>
    public async Task<IReadOnlyList<Connection>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM connections ORDER BY name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToConnection()).ToList();
    }

    /// <summary>The connection with this name, or null.</summary>
    public async Task<Connection?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(db, "name = @name", new { name }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The connection with this id, or null.</summary>
    public async Task<Connection?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(db, "id = @id", new { id }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The connection with this name.</summary>
    /// <exception cref="ConnectionNotFoundException">There is none.</exception>
    public async Task<Connection> GetAsync(string name, CancellationToken cancellationToken = default) =>
        await FindAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw new ConnectionNotFoundException($"There is no connection named '{name}'; 'ashbridge connection list' shows them, 'connection add' adds one.");

    /// <summary>Decrypts the connection's API key (to build its client; never to show or log).</summary>
    /// <exception cref="ConnectionNotFoundException">The connection was removed.</exception>
    /// <exception cref="ConnectionSecretUnreadableException">The encryption keys were lost.</exception>
    public async Task<string> ReadApiKeyAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var stored = await db.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT api_key_protected FROM connections WHERE id = @id", new { id = connection.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new ConnectionNotFoundException($"The connection '{connection.Name}' was removed.");
        return secrets.Unprotect(stored, $"API key of connection '{connection.Name}'");
    }

    /// <summary>Replaces the API key (and forgets the last pre-flight, which was for the old key).</summary>
    public async Task<Connection> SetApiKeyAsync(string name, string apiKey, CancellationToken cancellationToken = default)
    {
        ValidateKey(apiKey);
        await UpdateAsync(name, "api_key_protected = @key, preflight_json = NULL, preflight_ms = NULL", new { key = secrets.Protect(apiKey) }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Points a connection at another base URL with another key (the demo's emulator takes a new port each start).</summary>
    public async Task<Connection> SetEndpointAsync(string name, Uri baseUrl, string apiKey, CancellationToken cancellationToken = default)
    {
        ValidateBaseUrl(baseUrl);
        ValidateKey(apiKey);
        await UpdateAsync(name, "base_url = @url, api_key_protected = @key, preflight_json = NULL, preflight_ms = NULL",
            new { url = baseUrl.ToString(), key = secrets.Protect(apiKey) }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets when incremental passes run: every <paramref name="intervalMinutes"/>, or on a Quartz cron; neither → every 5 minutes.</summary>
    /// <exception cref="ArgumentException">Both given, a non-positive interval or an invalid cron.</exception>
    public async Task<Connection> SetScheduleAsync(string name, int? intervalMinutes, string? cron, CancellationToken cancellationToken = default)
    {
        if (intervalMinutes is not null && cron is not null) throw new ArgumentException("Give an interval or a cron expression, not both.");
        if (intervalMinutes is < 1 or > 10_080) throw new ArgumentException("The interval must be between 1 minute and 7 days (10080 minutes).");
        if (cron is not null && !IsCron(cron))
        {
            throw new ArgumentException($"'{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 */10 * * * ?').");
        }

        await UpdateAsync(name, "sync_interval_minutes = @intervalMinutes, sync_cron = @cron", new { intervalMinutes, cron }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a connection with its mirror and history.</summary>
    /// <exception cref="ConnectionNotFoundException">There is none of that name.</exception>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var removed = await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM connections WHERE name = @name", new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (removed == 0) throw new ConnectionNotFoundException($"There is no connection named '{name}'.");
    }

    /// <summary>Stores the latest pre-flight report of a connection.</summary>
    public async Task SavePreflightAsync(long connectionId, PreflightReport report, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE connections SET preflight_json = @json, preflight_ms = @now WHERE id = @connectionId",
            new { json = JsonSerializer.Serialize(report, PreflightJson), now = _time.NowMs(), connectionId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The latest stored pre-flight report, or null if none was run since the key was set.</summary>
    public async Task<PreflightReport?> LoadPreflightAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var json = await db.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT preflight_json FROM connections WHERE id = @connectionId", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<PreflightReport>(json, PreflightJson);
    }

    /// <summary>Names are short, lower-case and URL-safe: they appear in webhook URLs and on the command line.</summary>
    public static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a usable connection name: use 1–64 lower-case letters, digits and dashes, starting with a letter (e.g. 'acme').");
        }
    }

    private static bool IsCron(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void ValidateBaseUrl(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{baseUrl}' is not an http(s) URL; Ashby's is {Ashby.AshbyClientDefaults.BaseUrl}.");
        }
    }

    private static void ValidateKey(string apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The API key is empty or contains spaces; copy it again from Ashby Admin › Integrations › API Keys.");
        }
    }

    private async Task UpdateAsync(string name, string set, object values, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("name", name);
        parameters.Add("now", _time.NowMs());
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var changed = await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE connections SET {set}, updated_ms = @now WHERE name = @name", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 0) throw new ConnectionNotFoundException($"There is no connection named '{name}'.");
    }

    private static async Task<Connection?> FindAsync(DbConnection db, string where, object parameters, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM connections WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToConnection();
    }

    private static bool IsUniqueViolation(DbException ex) =>
        ex.SqlState == "23505" || ex.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);


    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();

    private sealed class Row
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string BaseUrl { get; set; } = "";

        public long? SyncIntervalMinutes { get; set; }

        public string? SyncCron { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public Connection ToConnection() => new(
            Id, Name, new Uri(BaseUrl), (int?)SyncIntervalMinutes, SyncCron, CreatedAt, UpdatedAt);
    }
}
