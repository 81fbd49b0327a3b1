using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Ashbridge.Ashby;

/// <summary>
/// The pages of <see cref="AshbyClient.EnumerateRawPagesAsync"/>: follows the cursors, reads each answer's paging before
/// its items, and sends the next request before handing the page on, so Ashby works on the next page while the
/// consumer takes this one apart.
/// </summary>
internal static class AshbyRawPageStream
{
    /// <summary>The items of a page whose answer had none.</summary>
    private static readonly JsonElement NoResults = JsonDocument.Parse("[]"u8.ToArray()).RootElement;

    public static async IAsyncEnumerable<AshbyRawPage> EnumerateAsync(
        AshbyTransport transport, string endpoint, AshbyRawPageRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sent = 1;
        Task<AshbyEnvelope>? pending = SendAsync(transport, endpoint, request, request.Cursor, cancellationToken); // a request sent and not yet awaited
        try
        {
            while (pending is not null)
            {
                var envelope = await pending.ConfigureAwait(false);
                pending = null;
                if (request.ItemsPerPage is { } itemsPerPage)
                {
                    var answer = OneCallAnswer.Read(endpoint, envelope.Body);
                    if (NextCursor(endpoint, answer.More, answer.Cursor, seen) is { } next)
                    {
                        await HoldAsync(request, sent++, cancellationToken).ConfigureAwait(false);
                        pending = SendAsync(transport, endpoint, request, next, cancellationToken);
                    }

                    var pages = Math.Max(1, (answer.Items.Count + itemsPerPage - 1) / itemsPerPage);
                    for (var i = 0; i < pages; i++) yield return answer.Page(i, itemsPerPage, isAnswersLast: i == pages - 1);
                }
                else
                {
                    var document = JsonDocument.Parse(envelope.Body);
                    AshbyRawPage page;
                    try
                    {
                        var root = document.RootElement;
                        var more = root.TryGetProperty("moreDataAvailable"u8, out var m) && m.ValueKind == JsonValueKind.True;
                        var cursor = StringOf(root, "nextCursor"u8);
                        if (NextCursor(endpoint, more, cursor, seen) is { } next)
                        {
                            await HoldAsync(request, sent++, cancellationToken).ConfigureAwait(false);
                            pending = SendAsync(transport, endpoint, request, next, cancellationToken);
                        }

                        page = new AshbyRawPage(document, ResultsOf(endpoint, root), envelope.Body, more, more ? cursor : null, more ? null : StringOf(root, "syncToken"u8));
                    }
                    catch
                    {
                        document.Dispose();
                        throw;
                    }

                    yield return page;
                }
            }
        }
        finally
        {
            Abandon(pending);
        }
    }

    /// <summary>
    /// The cursor to follow, or <see langword="null"/> at the last page; throws when Ashby says more data follows but
    /// sends no cursor, or one it sent before (following it would never end).
    /// </summary>
    internal static string? NextCursor(string endpoint, bool moreDataAvailable, string? nextCursor, HashSet<string> seen)
    {
        if (!moreDataAvailable)
        {
            return null;
        }

        if (string.IsNullOrEmpty(nextCursor) || !seen.Add(nextCursor))
        {
            throw new AshbyApiException(
                $"Ashby said more {endpoint} data is available but sent {(string.IsNullOrEmpty(nextCursor) ? "no nextCursor" : "a nextCursor it had sent before")}; stopping to avoid an endless loop. Restart the pass.",
                new AshbyErrorData { Endpoint = endpoint });
        }

        return nextCursor;
    }

    /// <summary>Before its release, a stream read ahead makes its first few requests and holds the next.</summary>
    private static Task HoldAsync(AshbyRawPageRequest request, int sent, CancellationToken cancellationToken) =>
        request.ReadAhead is { IsReleased: false } hold && sent >= hold.Pages ? hold.WaitAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Sends one request; before a read-ahead's release with its options, asking again after the release if that failed transiently.</summary>
    private static async Task<AshbyEnvelope> SendAsync(AshbyTransport transport, string endpoint, AshbyRawPageRequest request, string? cursor, CancellationToken cancellationToken)
    {
        var body = Body(request, cursor);
        if (request.ReadAhead is { IsReleased: false } hold)
        {
            try
            {
                return await transport.SendAsync(endpoint, body, hold.RequestOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (AshbyApiException ex) when (ex.IsTransient)
            {
                await hold.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return await transport.SendAsync(endpoint, body, request.Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A request with the fixed parameters, then <c>limit</c>, then the cursor, or on the first request the sync token,
    /// written straight to UTF-8.
    /// </summary>
    private static ReadOnlyMemory<byte> Body(AshbyRawPageRequest request, string? cursor)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in request.Parameters ?? [])
            {
                if (name is "limit" or "cursor" or "syncToken")
                {
                    continue;
                }

                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            if (request.Limit is { } limit)
            {
                writer.WriteNumber("limit"u8, limit);
            }

            if (cursor is not null)
            {
                writer.WriteString("cursor"u8, cursor);
            }
            else if (request.SyncToken is { } syncToken)
            {
                writer.WriteString("syncToken"u8, syncToken);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static JsonElement ResultsOf(string endpoint, JsonElement root) =>
        !root.TryGetProperty("results"u8, out var results) || results.ValueKind == JsonValueKind.Null ? NoResults
        : results.ValueKind == JsonValueKind.Array ? results
        : throw AshbyErrorFactory.Shape(endpoint, new JsonException($"results was {results.ValueKind}, expected an array."));

    private static string? StringOf(JsonElement root, ReadOnlySpan<byte> name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// A request still out when its stream stops (the consumer left, or it was cancelled): its outcome no longer
    /// matters, but its failure is observed so it is not reported as unobserved.
    /// </summary>
    private static void Abandon(Task? request) =>
        request?.ContinueWith(static r => r.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>
    /// An answer cut into pages: where each item of its <c>results</c> lies in its bytes, and its paging, read token by
    /// token without a document over the whole answer (at 1M candidates the job postings are 13 MB in one answer).
    /// </summary>
    private sealed class OneCallAnswer(byte[] body, List<Range> items, bool more, string? cursor, string? syncToken)
    {
        public List<Range> Items => items;

        public bool More => more;

        public string? Cursor => cursor;

        public static OneCallAnswer Read(string endpoint, byte[] body)
        {
            var items = new List<Range>();
            bool more = false;
            string? cursor = null, syncToken = null;
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("The answer is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueTextEquals("results"u8) ? 1 : reader.ValueTextEquals("moreDataAvailable"u8) ? 2
                    : reader.ValueTextEquals("nextCursor"u8) ? 3 : reader.ValueTextEquals("syncToken"u8) ? 4 : 0;
                reader.Read();
                switch (name, reader.TokenType)
                {
                    case (1, JsonTokenType.StartArray):
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            var start = (int)reader.TokenStartIndex;
                            reader.Skip();
                            items.Add(start..(int)reader.BytesConsumed);
                        }

                        break;
                    case (1, not JsonTokenType.Null):
                        throw AshbyErrorFactory.Shape(endpoint, new JsonException($"results was {reader.TokenType}, expected an array."));
                    case (2, _):
                        more = reader.TokenType == JsonTokenType.True;
                        break;
                    case (3, JsonTokenType.String):
                        cursor = reader.GetString();
                        break;
                    case (4, JsonTokenType.String):
                        syncToken = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return new OneCallAnswer(body, items, more, cursor, syncToken);
        }

        /// <summary>Page <paramref name="index"/>: its items copied out as a JSON array and parsed; the answer's last page carries its paging.</summary>
        public AshbyRawPage Page(int index, int itemsPerPage, bool isAnswersLast)
        {
            byte[] array;
            if (items.Count == 0)
            {
                array = "[]"u8.ToArray();
            }
            else
            {
                var first = index * itemsPerPage;
                var part = body.AsSpan()[items[first].Start.Value..items[Math.Min(items.Count, first + itemsPerPage) - 1].End.Value];
                array = new byte[part.Length + 2];
                array[0] = (byte)'[';
                part.CopyTo(array.AsSpan(1));
                array[^1] = (byte)']';
            }

            var document = JsonDocument.Parse(array);
            return isAnswersLast
                ? new AshbyRawPage(document, document.RootElement, array, more, more ? cursor : null, more ? null : syncToken)
                : new AshbyRawPage(document, document.RootElement, array, moreDataAvailable: true, nextCursor: null, syncToken: null);
        }
    }
}
