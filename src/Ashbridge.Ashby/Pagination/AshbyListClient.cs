using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>
/// A sub-client whose object has a paginated, sync-capable list endpoint. Each list is exposed as one page
/// (<see cref="ListAsync"/>), a page stream (<see cref="EnumeratePagesAsync"/>), an item stream
/// (<see cref="EnumerateAsync"/>), raw-JSON twins of those, and a sync session (<see cref="Sync"/>).
/// </summary>
/// <typeparam name="TRequest">The list request type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public abstract class AshbyListClient<TRequest, TItem> : AshbyServiceClient
    where TRequest : AshbyListRequest
{
    /// <summary>For test doubles.</summary>
    protected AshbyListClient()
    {
    }

    internal AshbyListClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>The list endpoint, e.g. <c>candidate.list</c>.</summary>
    public abstract string ListEndpoint { get; }

    internal abstract JsonTypeInfo<TRequest> RequestInfo { get; }

    internal abstract JsonTypeInfo<TItem> ItemInfo { get; }

    /// <summary>Fetches one page (as Ashby sent it, including any <c>syncToken</c>).</summary>
    /// <param name="request">Filters and paging; <see langword="null"/> sends <c>{}</c>.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    public virtual async Task<AshbyPage<TItem>> ListAsync(TRequest? request = null, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var envelope = await Transport.SendAsync(ListEndpoint, ToBody(request, RequestInfo), options, cancellationToken).ConfigureAwait(false);
        return TypedPage(envelope, envelope.SyncToken);
    }

    /// <summary>Fetches one page with each item as raw JSON (what a mirror stores).</summary>
    /// <param name="request">Filters and paging.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    public virtual async Task<AshbyPage<JsonElement>> ListRawAsync(TRequest? request = null, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var envelope = await Transport.SendAsync(ListEndpoint, ToBody(request, RequestInfo), options, cancellationToken).ConfigureAwait(false);
        return RawPage(envelope, envelope.SyncToken);
    }

    /// <summary>
    /// Streams every page, following <c>nextCursor</c> until <c>moreDataAvailable</c> is false. The sync token is
    /// only on the last page. With <see cref="AshbyListRequest.SyncToken"/> set, the pages are incremental and
    /// the token is sent with every request.
    /// </summary>
    /// <param name="request">Filters and paging.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The pages.</returns>
    public virtual async IAsyncEnumerable<AshbyPage<TItem>> EnumeratePagesAsync(TRequest? request = null, AshbyRequestOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var envelope in FollowAsync(request, options, cancellationToken).ConfigureAwait(false))
        {
            yield return TypedPage(envelope, envelope.MoreDataAvailable ? null : envelope.SyncToken);
        }
    }

    /// <summary>Streams every page with raw JSON items (see <see cref="EnumeratePagesAsync"/>).</summary>
    /// <param name="request">Filters and paging.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The pages.</returns>
    public virtual async IAsyncEnumerable<AshbyPage<JsonElement>> EnumerateRawPagesAsync(TRequest? request = null, AshbyRequestOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var envelope in FollowAsync(request, options, cancellationToken).ConfigureAwait(false))
        {
            yield return RawPage(envelope, envelope.MoreDataAvailable ? null : envelope.SyncToken);
        }
    }

    /// <summary>Streams every item of every page.</summary>
    /// <param name="request">Filters and paging.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items.</returns>
    public virtual async IAsyncEnumerable<TItem> EnumerateAsync(TRequest? request = null, AshbyRequestOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in EnumeratePagesAsync(request, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Results)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Starts a sync pass: full when <paramref name="syncToken"/> is <see langword="null"/>, incremental otherwise.
    /// The session's <see cref="AshbySyncSession{T}.NewSyncToken"/> is set only after the last page was consumed.
    /// </summary>
    /// <param name="syncToken">The stored token, or <see langword="null"/> for a full pass.</param>
    /// <param name="request">Other filters (its own <c>SyncToken</c> and <c>Cursor</c> are ignored).</param>
    /// <param name="options">Per-call options.</param>
    /// <returns>The session to enumerate.</returns>
    /// <exception cref="AshbySyncRestartRequiredException">While enumerating: the token or a cursor can no longer be used.</exception>
    public virtual AshbySyncSession<TItem> Sync(string? syncToken, TRequest? request = null, AshbyRequestOptions? options = null) =>
        new(syncToken, ct => EnumeratePagesCore(request, syncToken, options, TypedPage, ct));

    /// <summary>Starts a sync pass with raw JSON items (see <see cref="Sync"/>).</summary>
    /// <param name="syncToken">The stored token, or <see langword="null"/> for a full pass.</param>
    /// <param name="request">Other filters.</param>
    /// <param name="options">Per-call options.</param>
    /// <returns>The session to enumerate.</returns>
    public virtual AshbySyncSession<JsonElement> SyncRaw(string? syncToken, TRequest? request = null, AshbyRequestOptions? options = null) =>
        new(syncToken, ct => EnumeratePagesCore(request, syncToken, options, RawPage, ct));

    private async IAsyncEnumerable<AshbyPage<T>> EnumeratePagesCore<T>(
        TRequest? request, string? syncToken, AshbyRequestOptions? options, Func<AshbyEnvelope, string?, AshbyPage<T>> project,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = ToBody(request, RequestInfo) ?? [];
        body.Remove("cursor");
        body.Remove("syncToken");
        if (syncToken is not null)
        {
            body["syncToken"] = syncToken;
        }

        await foreach (var envelope in FollowBodyAsync(body, options, cancellationToken).ConfigureAwait(false))
        {
            yield return project(envelope, envelope.MoreDataAvailable ? null : envelope.SyncToken);
        }
    }

    private IAsyncEnumerable<AshbyEnvelope> FollowAsync(TRequest? request, AshbyRequestOptions? options, CancellationToken cancellationToken) =>
        FollowBodyAsync(ToBody(request, RequestInfo) ?? [], options, cancellationToken);

    private async IAsyncEnumerable<AshbyEnvelope> FollowBodyAsync(JsonObject body, AshbyRequestOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var envelope = await Transport.SendAsync(ListEndpoint, body, options, cancellationToken).ConfigureAwait(false);
            yield return envelope;
            if (!envelope.MoreDataAvailable)
            {
                yield break;
            }

            var next = AshbyRawPageStream.NextCursor(ListEndpoint, moreDataAvailable: true, envelope.NextCursor, seen);

            // The syncToken (if any) stays in the body: Ashby accepts it alongside follow-up cursors.
            body["cursor"] = next;
        }
    }

    private AshbyPage<TItem> TypedPage(AshbyEnvelope envelope, string? syncToken) =>
        new(ReadItems(ListEndpoint, envelope.Results, ItemInfo), envelope.MoreDataAvailable, envelope.NextCursor, syncToken, envelope.Warnings);

    private AshbyPage<JsonElement> RawPage(AshbyEnvelope envelope, string? syncToken)
    {
        if (envelope.Results.ValueKind != JsonValueKind.Array)
        {
            throw AshbyErrorFactory.Shape(ListEndpoint, new JsonException($"results was {envelope.Results.ValueKind}, expected an array."));
        }

        return new AshbyPage<JsonElement>([.. envelope.Results.EnumerateArray()], envelope.MoreDataAvailable, envelope.NextCursor, syncToken, envelope.Warnings);
    }
}
