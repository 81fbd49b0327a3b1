using Ashbridge.Ashby;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Sync;
using Ashbridge.Core.Sync.Scheduling;

namespace Ashbridge.Server.Connections;

/// <summary>Why adding a connection or checking its key failed, in words for the admin, with the HTTP status that fits.</summary>
public sealed record ConnectionRefusal(int Status, string Title, string Detail);

/// <summary>
/// What an admin does to connections from the UI or the API: add one (the pre-flight runs first, and a key Ashby
/// refuses stores nothing), re-run its pre-flight, sync it now, remove it. The CLI does the same through the same stores.
/// </summary>
public sealed partial class ConnectionAdmin(
    ConnectionStore connections, AshbyClientPool clients, SyncSchedule schedule, SyncHistory history, Core.Webhooks.WebhookRegistrar registrar,
    TimeProvider time, ILogger<ConnectionAdmin> logger)
{
    /// <summary>Checks the key, then stores the connection with its pre-flight and puts it on the schedule (its first pass starts at once).</summary>
    public async Task<(Connection? Connection, PreflightReport? Report, ConnectionRefusal? Refusal)> AddAsync(
        string name, Uri? baseUrl, string apiKey, CancellationToken cancellationToken)
    {
        try
        {
            ConnectionStore.ValidateName(name);
        }
        catch (ArgumentException ex)
        {
            return (null, null, new ConnectionRefusal(StatusCodes.Status400BadRequest, "The name is not usable", ex.Message));
        }

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return (null, null, new ConnectionRefusal(StatusCodes.Status400BadRequest, "The API key is missing", "Paste the key from Ashby's Admin > API Keys."));
        }

        var key = apiKey.Trim();
        if (key.Length > MaxKeyLength || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // Checked before Ashby is asked: a key with a line break or of 100k characters is a paste gone wrong, and
            // would otherwise come back as "Ashby could not be reached" (its headers refused) rather than as the key.
            return (null, null, new ConnectionRefusal(StatusCodes.Status400BadRequest, "The API key is not one Ashby issues",
                $"An Ashby key is one word of at most {MaxKeyLength} characters, without spaces or line breaks; copy it again from Ashby's Admin > API Keys. Nothing was stored."));
        }

        if (baseUrl is not null && !IsHttpUrl(baseUrl))
        {
            return (null, null, new ConnectionRefusal(StatusCodes.Status400BadRequest, "The base URL is not usable",
                $"The base URL (baseUrl) '{baseUrl.OriginalString}' is not an absolute http or https URL; use Ashby's own, {AshbyClientDefaults.BaseUrl}, or leave it out. Nothing was stored."));
        }

        if (await connections.FindAsync(name, cancellationToken) is not null)
        {
            return (null, null, new ConnectionRefusal(StatusCodes.Status409Conflict, "The name is taken", $"A connection named '{name}' exists; choose another name or remove it first."));
        }

        var url = baseUrl ?? AshbyClientDefaults.BaseUrl;
        var (report, refusal) = await PreflightAsync(url, key, cancellationToken);
        if (report is null) return (null, null, refusal);

        var connection = await connections.AddAsync(name, url, key, cancellationToken);
        await connections.SavePreflightAsync(connection.Id, report, cancellationToken);
        await schedule.ScheduleAsync(connection, cancellationToken);
        return (connection, report, null);
    }

    /// <summary>The longest API key accepted; Ashby's are far shorter.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>Whether Ashbridge can call Ashby at <paramref name="url"/>: absolute, http or https, with a host.</summary>
    public static bool IsHttpUrl(Uri url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0;

    /// <summary>Runs the stored key's pre-flight again and keeps the result.</summary>
    public async Task<(PreflightReport? Report, ConnectionRefusal? Refusal)> CheckAsync(Connection connection, CancellationToken cancellationToken)
    {
        var key = await connections.ReadApiKeyAsync(connection, cancellationToken);
        var (report, refusal) = await PreflightAsync(connection.BaseUrl, key, cancellationToken);
        if (report is not null) await connections.SavePreflightAsync(connection.Id, report, cancellationToken);
        return (report, refusal);
    }

    /// <summary>Queues a pass behind any running one; the run history shows it once it starts.</summary>
    public Task SyncNowAsync(Connection connection, SyncMode mode, CancellationToken cancellationToken) =>
        schedule.SyncNowAsync(connection.Id, mode, cancellationToken);

    /// <summary>Deletes the webhooks Ashbridge made in Ashby, takes the connection off the schedule, then removes it with its mirror and history.</summary>
    public async Task RemoveAsync(Connection connection, CancellationToken cancellationToken)
    {
        try
        {
            await registrar.UnregisterAsync(connection, cancellationToken);
        }
        catch (AshbyApiException ex)
        {
            // Removing must not depend on Ashby answering: its webhooks will get 404s, after which Ashby stops sending.
            UnregisterFailed(logger, connection.Name, AshbyFailure.Classify(ex).Message);
        }

        await schedule.UnscheduleAsync(connection.Id, cancellationToken);
        await connections.RemoveAsync(connection.Name, cancellationToken);
    }

    /// <summary>A connection with its pre-flight, its streams and its recent runs.</summary>
    public async Task<ConnectionDetail> DetailAsync(Connection connection, int runs, CancellationToken cancellationToken) => new(
        connection,
        await connections.LoadPreflightAsync(connection.Id, cancellationToken),
        await history.StreamStatesAsync(connection.Id, cancellationToken),
        await history.ListRunsAsync(connection.Id, runs, cancellationToken));

    private async Task<(PreflightReport? Report, ConnectionRefusal? Refusal)> PreflightAsync(Uri url, string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await new Preflight(clients.ClientFor(url, key), time).RunAsync(cancellationToken), null);
        }
        catch (AshbyApiException ex)
        {
            var failure = AshbyFailure.Classify(ex);
            return (null, failure.Kind switch
            {
                AshbyFailureKind.KeyRefused => new ConnectionRefusal(StatusCodes.Status422UnprocessableEntity, "Ashby refused the API key",
                    $"{ex.Message} Check that the key is copied whole and still active in Ashby's Admin > API Keys. Nothing was stored."),
                _ when failure.IsNoAnswer => new ConnectionRefusal(StatusCodes.Status502BadGateway, "Ashby could not be reached",
                    $"{failure.Message} The base URL was {url}. Nothing was stored."),
                _ => new ConnectionRefusal(StatusCodes.Status502BadGateway, "Ashby could not check the key",
                    $"{failure.Message} Check the base URL ({url}), then try again. Nothing was stored."),
            });
        }
    }
}

public sealed partial class ConnectionAdmin
{
    [LoggerMessage(1, LogLevel.Warning, "Could not delete the webhooks of connection {Connection} in Ashby ({Problem}); delete them in Ashby's webhook settings")]
    private static partial void UnregisterFailed(ILogger logger, string connection, string problem);
}

/// <summary>A connection as its page shows it.</summary>
public sealed record ConnectionDetail(Connection Connection, PreflightReport? Preflight, IReadOnlyList<StreamState> Streams, IReadOnlyList<SyncRunResult> Runs);
