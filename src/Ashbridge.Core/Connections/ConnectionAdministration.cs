using Ashbridge.Ashby;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace Ashbridge.Core.Connections;

/// <summary>
/// What an admin does to connections, from the UI, the API or the CLI alike: add one (its key's pre-flight runs first,
/// and a key Ashby refuses stores nothing), run the pre-flight again, replace the key, sync now, remove; and the reads
/// their pages show. Refusals come back as a <see cref="ConnectionRefusal"/>, never as an exception.
/// </summary>
public sealed partial class ConnectionAdministration(
    ConnectionStore connections, AshbyClientPool clients, IConnectionSchedule schedule, SyncHistory history, WebhookRegistrar registrar,
    TimeProvider time, ILogger<ConnectionAdministration> logger)
{
    /// <summary>The longest API key accepted; Ashby's are far shorter.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>Checks the key, then stores the connection with its pre-flight and puts it on the schedule (its first pass starts at once).</summary>
    /// <param name="name">The connection's name.</param>
    /// <param name="baseUrl">Ashby's base URL; Ashby's own when null.</param>
    /// <param name="apiKey">The Ashby API key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ConnectionOutcome> AddAsync(string name, Uri? baseUrl, string apiKey, CancellationToken cancellationToken = default)
    {
        try
        {
            ConnectionStore.ValidateName(name);
        }
        catch (ArgumentException ex)
        {
            return ConnectionOutcome.Refused(ConnectionRefusalKind.Invalid, "The name is not usable", ex.Message);
        }

        if (KeyProblem(apiKey) is { } keyProblem) return keyProblem;
        if (baseUrl is not null && !IsHttpUrl(baseUrl))
        {
            return ConnectionOutcome.Refused(ConnectionRefusalKind.Invalid, "The base URL is not usable",
                $"The base URL (baseUrl) '{baseUrl.OriginalString}' is not an absolute http or https URL; use Ashby's own, {AshbyClientDefaults.BaseUrl}, or leave it out. Nothing was stored.");
        }

        if (await connections.FindAsync(name, cancellationToken).ConfigureAwait(false) is not null)
        {
            return NameTaken(name);
        }

        var url = baseUrl ?? AshbyClientDefaults.BaseUrl;
        var key = apiKey.Trim();
        var (report, refusal) = await PreflightAsync(url, key, cancellationToken).ConfigureAwait(false);
        if (report is null) return new ConnectionOutcome(null, null, refusal);

        Connection connection;
        try
        {
            connection = await connections.AddAsync(name, url, key, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionExistsException)
        {
            // Added by someone else while the pre-flight ran.
            return NameTaken(name);
        }

        await connections.SavePreflightAsync(connection.Id, report, cancellationToken).ConfigureAwait(false);
        await schedule.ScheduleAsync(connection, cancellationToken).ConfigureAwait(false);
        return new ConnectionOutcome(connection, report, null);
    }

    /// <summary>
    /// Stores the Ashby the hub was configured with (settings or the demo emulator) as a connection, or points the stored
    /// one at it, then runs its pre-flight. Unlike <see cref="AddAsync"/> a key Ashby refuses, or an Ashby out of reach,
    /// still stores the connection: the hub starts anyway, its status page shows the refusal, and the schedule retries.
    /// </summary>
    /// <param name="name">The connection's name.</param>
    /// <param name="baseUrl">Ashby's base URL.</param>
    /// <param name="apiKey">The configured key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ConnectionOutcome> EnsureConfiguredAsync(string name, Uri baseUrl, string apiKey, CancellationToken cancellationToken = default)
    {
        var connection = await connections.FindAsync(name, cancellationToken).ConfigureAwait(false) is null
            ? await connections.AddAsync(name, baseUrl, apiKey, cancellationToken).ConfigureAwait(false)
            : await connections.SetEndpointAsync(name, baseUrl, apiKey, cancellationToken).ConfigureAwait(false);
        var (report, refusal) = await PreflightAsync(baseUrl, apiKey, cancellationToken, storesNothing: false).ConfigureAwait(false);
        if (report is not null) await connections.SavePreflightAsync(connection.Id, report, cancellationToken).ConfigureAwait(false);
        return new ConnectionOutcome(connection, report, refusal);
    }

    /// <summary>Whether Ashbridge can call Ashby at <paramref name="url"/>: absolute, http or https, with a host.</summary>
    public static bool IsHttpUrl(Uri url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0;

    /// <summary>Runs the stored key's pre-flight again and keeps the result.</summary>
    public async Task<ConnectionOutcome> CheckAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var key = await connections.ReadApiKeyAsync(connection, cancellationToken).ConfigureAwait(false);
        var (report, refusal) = await PreflightAsync(connection.BaseUrl, key, cancellationToken).ConfigureAwait(false);
        if (report is null) return new ConnectionOutcome(null, null, refusal);
        await connections.SavePreflightAsync(connection.Id, report, cancellationToken).ConfigureAwait(false);
        return new ConnectionOutcome(connection, report, null);
    }

    /// <summary>Checks a new key like <see cref="AddAsync"/> does, then replaces the connection's key and keeps its pre-flight.</summary>
    public async Task<ConnectionOutcome> ReplaceKeyAsync(Connection connection, string apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (KeyProblem(apiKey) is { } keyProblem) return keyProblem;
        var key = apiKey.Trim();
        var (report, refusal) = await PreflightAsync(connection.BaseUrl, key, cancellationToken).ConfigureAwait(false);
        if (report is null) return new ConnectionOutcome(null, null, refusal);
        var changed = await connections.SetApiKeyAsync(connection.Name, key, cancellationToken).ConfigureAwait(false);
        await connections.SavePreflightAsync(changed.Id, report, cancellationToken).ConfigureAwait(false);
        return new ConnectionOutcome(changed, report, null);
    }

    /// <summary>
    /// Queues a pass behind any running one; the run history shows it once it starts. What comes back tells which run
    /// it becomes (<see cref="QueuedPass.FindIn"/>), so a page can follow it even when it ends before the page is drawn.
    /// </summary>
    public async Task<QueuedPass> SyncNowAsync(Connection connection, SyncMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Taken before the pass is queued, and to the millisecond as run start times are stored: its run starts at or after it.
        var queuedAt = time.NowAsStored();
        await schedule.SyncNowAsync(connection.Id, mode, cancellationToken).ConfigureAwait(false);
        return new QueuedPass(connection.Id, mode, queuedAt);
    }

    /// <summary>Deletes the webhooks Ashbridge made in Ashby, takes the connection off the schedule, then removes it with its mirror and history.</summary>
    public async Task RemoveAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            await registrar.UnregisterAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (AshbyApiException ex)
        {
            // Removing must not depend on Ashby answering: its webhooks will get 404s, after which Ashby stops sending.
            UnregisterFailed(logger, connection.Name, AshbyFailure.Classify(ex).Message);
        }

        await schedule.UnscheduleAsync(connection.Id, cancellationToken).ConfigureAwait(false);
        await connections.RemoveAsync(connection.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A connection with its pre-flight, its streams and its <paramref name="runs"/> most recent passes.</summary>
    public async Task<ConnectionDetail> DetailAsync(Connection connection, int runs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new ConnectionDetail(
            connection,
            await connections.LoadPreflightAsync(connection.Id, cancellationToken).ConfigureAwait(false),
            await history.StreamStatesAsync(connection.Id, cancellationToken).ConfigureAwait(false),
            await history.ListRunsAsync(connection.Id, runs, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Each of <paramref name="visible"/> with its last pass, in the order given.</summary>
    public async Task<IReadOnlyList<ConnectionSummary>> SummariesAsync(IEnumerable<Connection> visible, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var list = new List<ConnectionSummary>();
        foreach (var c in visible) list.Add(new ConnectionSummary(c, await history.LastRunAsync(c.Id, cancellationToken).ConfigureAwait(false)));

        return list;
    }

    private static ConnectionOutcome NameTaken(string name) => ConnectionOutcome.Refused(ConnectionRefusalKind.NameTaken, "The name is taken",
        $"A connection named '{name}' already exists; choose another name, or remove it first.");

    /// <summary>Why a key cannot be Ashby's, before Ashby is asked; null when it could be.</summary>
    private static ConnectionOutcome? KeyProblem(string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return ConnectionOutcome.Refused(ConnectionRefusalKind.Invalid, "The API key is missing", "Paste the key from Ashby's Admin > API Keys.");
        }

        var key = apiKey.Trim();
        // Checked before Ashby is asked: a key with a line break or of 100k characters is a paste gone wrong, and would
        // otherwise come back as "Ashby could not be reached" (its headers refused) rather than as the key.
        return key.Length > MaxKeyLength || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? ConnectionOutcome.Refused(ConnectionRefusalKind.Invalid, "The API key is not one Ashby issues",
                $"An Ashby key is one word of at most {MaxKeyLength} characters, without spaces or line breaks; copy it again from Ashby's Admin > API Keys. Nothing was stored.")
            : null;
    }

    private async Task<(PreflightReport? Report, ConnectionRefusal? Refusal)> PreflightAsync(Uri url, string key, CancellationToken cancellationToken, bool storesNothing = true)
    {
        var stored = storesNothing ? " Nothing was stored." : "";
        try
        {
            return (await new Preflight(clients.ClientFor(url, key), time).RunAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (AshbyApiException ex)
        {
            var failure = AshbyFailure.Classify(ex);
            return (null, failure.Kind switch
            {
                AshbyFailureKind.KeyRefused => new ConnectionRefusal(ConnectionRefusalKind.KeyRefused, "Ashby refused the API key",
                    $"{ex.Message} Check that the key is copied whole and still active in Ashby's Admin > API Keys.{stored}"),
                _ when failure.IsNoAnswer => new ConnectionRefusal(ConnectionRefusalKind.AshbyUnreachable, "Ashby could not be reached",
                    $"{failure.Message} The base URL was {url}.{stored}"),
                _ => new ConnectionRefusal(ConnectionRefusalKind.AshbyFailed, "Ashby could not check the key",
                    $"{failure.Message} Check the base URL ({url}), then try again.{stored}"),
            });
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not delete the webhooks of connection {Connection} in Ashby ({Problem}); delete them in Ashby's webhook settings")]
    private static partial void UnregisterFailed(ILogger logger, string connection, string problem);
}
