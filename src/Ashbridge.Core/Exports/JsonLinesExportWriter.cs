using System.Text.Json;

namespace Ashbridge.Core.Exports;

/// <summary>Writes an export as JSON Lines: one object per row, keyed by the column names; numbers, booleans and lists typed; empty cells null.</summary>
internal static class JsonLinesExportWriter
{
    private const int FlushBytes = 64 * 1024;

    public static async Task<long> WriteAsync(IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<ExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        var names = columns.Select(c => JsonEncodedText.Encode(c.Name)).ToArray();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(FlushBytes * 2);
        await using var json = new Utf8JsonWriter(buffer);
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            json.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                switch (row.Cells[i])
                {
                    case null: json.WriteNull(names[i]); break;
                    case decimal d: json.WriteNumber(names[i], d); break;
                    case bool b: json.WriteBoolean(names[i], b); break;
                    case string[] list:
                        json.WriteStartArray(names[i]);
                        foreach (var item in list) json.WriteStringValue(item);
                        json.WriteEndArray();
                        break;
                    case var cell: json.WriteString(names[i], ExportCells.Text(cell)); break;
                }
            }

            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
            json.Reset(buffer);
            count++;
            if (buffer.WrittenCount >= FlushBytes)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }

        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }
}
