using System.Buffers;

namespace Ashbridge.Ashby;

/// <summary>
/// A response's body, read whole into one array of its exact size. HttpClient's own buffering grows a pooled array by
/// doubling and then copies it out: a 13 MB answer (the postings of a 1M-candidate organisation) took 37 MB at once and
/// left its 16, 8 and 4 MB arrays in the shared pool. A body of known length is read straight into its array; one of
/// unknown length (chunked, or decompressed) in 64 KB pooled pieces, copied once at the end.
/// </summary>
internal sealed class BufferedBody : ByteArrayContent
{
    private const int PieceSize = 64 * 1024;

    private BufferedBody(byte[] bytes)
        : base(bytes) => Bytes = bytes;

    /// <summary>The body as received.</summary>
    public byte[] Bytes { get; }

    /// <summary>Reads and disposes <paramref name="content"/>; its headers come along (its length is the array's).</summary>
    public static async Task<BufferedBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = content.Headers.ContentLength is { } length and <= int.MaxValue
                    ? await ReadExactlyAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
                    : await ReadPiecesAsync(stream, cancellationToken).ConfigureAwait(false);
                var body = new BufferedBody(bytes);
                foreach (var header in content.Headers)
                {
                    if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) body.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                return body;
            }
        }
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false); // a short body is an IOException
        return bytes;
    }

    private static async Task<byte[]> ReadPiecesAsync(Stream stream, CancellationToken cancellationToken)
    {
        var pieces = new List<(byte[] Array, int Count)>();
        try
        {
            long total = 0;
            while (true)
            {
                var piece = ArrayPool<byte>.Shared.Rent(PieceSize);
                pieces.Add((piece, 0));
                var count = await stream.ReadAtLeastAsync(piece, piece.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                pieces[^1] = (piece, count);
                total += count;
                if (total > Array.MaxLength) throw new HttpRequestException($"The response is larger than an array can hold ({Array.MaxLength:N0} bytes).");
                if (count < piece.Length) break;
            }

            var bytes = new byte[total];
            var at = 0;
            foreach (var (array, count) in pieces)
            {
                array.AsSpan(0, count).CopyTo(bytes.AsSpan(at));
                at += count;
            }

            return bytes;
        }
        finally
        {
            foreach (var (array, _) in pieces) ArrayPool<byte>.Shared.Return(array);
        }
    }
}
